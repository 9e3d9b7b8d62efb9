/* Material's search worker, with two things added that forgive what the visitor types.
 *
 * 1. Diacritics are folded (ä → a, ö → o, å → a, é → e) in the index and in the query, so that
 *    "tukihenkilo", typed on a keyboard without ö, finds "tukihenkilö". The fold runs just before the
 *    stemmer, on both sides: the stop words (which are written with ä and ö) are removed before it,
 *    and the stemmer always sees the same folded word whether the visitor typed ö or o.
 * 2. The stemmer is applied to what the visitor types as well. The index is stemmed (``pipeline`` in
 *    mkdocs.yml), so "hinnat" and "hinta" are both indexed as "hin". Material turns every word typed
 *    into a prefix query ("hinta*"), and lunr runs no pipeline on a prefix query, so the typed word
 *    would be compared unstemmed with stemmed words and miss. Here each prefix word is also looked up
 *    by its stem: "hinta*" adds "hin*", which finds "hinnat", "hintaan" and "hinta" – as far as lunr's
 *    Finnish (or English) stemmer unifies the forms.
 *
 * Material's own worker file is named in ?material=. The ranking (contact words, titles, the
 * "Lyhyesti" box) is in the index itself: hooks/website/search.py.
 */
importScripts(new URLSearchParams(self.location.search).get("material"));

(function (lunr) {
  function foldText(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "");
  }

  function fold(token) {
    return token.update(foldText);
  }
  lunr.Pipeline.registerFunction(fold, "site-fold");

  // Before the language's stemmer where there is one, else last.
  function withFold(pipeline) {
    if (pipeline._stack.indexOf(fold) !== -1) return;
    var stemmer = pipeline._stack.filter(function (fn) { return /^stemmer/.test(fn.label || ""); })[0];
    if (stemmer) pipeline.before(stemmer, fold);
    else pipeline.add(fold);
  }

  // Material sets up the pipelines inside lunr's builder and then adds the pages; the first page
  // added is the last moment before any word is indexed.
  var add = lunr.Builder.prototype.add;
  lunr.Builder.prototype.add = function () {
    withFold(this.pipeline);
    withFold(this.searchPipeline);
    return add.apply(this, arguments);
  };

  var query = lunr.Index.prototype.query;
  lunr.Index.prototype.query = function (build) {
    var pipeline = this.pipeline;
    return query.call(this, function (search) {
      build.call(search, search);
      search.clauses.slice().forEach(function (clause) {
        var word = /^([^*]+)\*$/.exec(clause.term);
        if (clause.usePipeline || !word) return;
        var typed = foldText(word[1]);
        clause.term = typed + "*";
        var stems = pipeline.runString(word[1], { fields: clause.fields });
        if (stems.length !== 1 || !stems[0] || stems[0] === typed) return;
        // A word still being typed ("valmennu") can stem oddly ("valmenu"), so an optional word is
        // looked up both as typed and as stemmed; a required one (+word) by its stem.
        if (clause.presence === lunr.Query.presence.REQUIRED) clause.term = stems[0] + "*";
        else search.clause(Object.assign({}, clause, { term: stems[0] + "*" }));
      });
    });
  };
})(self.lunr);
