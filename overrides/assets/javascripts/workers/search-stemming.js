/* Material's search worker, with the stemmer applied to what the visitor types as well.
 *
 * The search index is stemmed (hooks/website/output.py puts lunr's stemmer in each language's
 * pipeline), so "hinnat" and "hinta" are both indexed as "hin". Material turns every word typed into
 * a prefix query ("hinta*"), and lunr runs no pipeline on a prefix query, so the typed word would be
 * compared unstemmed with stemmed words and miss. Here each prefix word is also looked up by its
 * stem: "hinta*" adds "hin*", which finds "hinnat", "hintaan" and "hinta" – as far as lunr's Finnish
 * (or English) stemmer unifies the forms. Material's own worker file is named in ?material=.
 */
importScripts(new URLSearchParams(self.location.search).get("material"));

(function (lunr) {
  var query = lunr.Index.prototype.query;
  lunr.Index.prototype.query = function (build) {
    var pipeline = this.pipeline;
    return query.call(this, function (search) {
      build.call(search, search);
      search.clauses.slice().forEach(function (clause) {
        var word = /^([^*]+)\*$/.exec(clause.term);
        if (clause.usePipeline || !word) return;
        var stems = pipeline.runString(word[1], { fields: clause.fields });
        if (stems.length !== 1 || !stems[0] || stems[0] === word[1]) return;
        // A word still being typed ("valmennu") can stem oddly ("valmenu"), so an optional word is
        // looked up both as typed and as stemmed; a required one (+word) by its stem.
        if (clause.presence === lunr.Query.presence.REQUIRED) clause.term = stems[0] + "*";
        else search.clause(Object.assign({}, clause, { term: stems[0] + "*" }));
      });
    });
  };
})(self.lunr);
