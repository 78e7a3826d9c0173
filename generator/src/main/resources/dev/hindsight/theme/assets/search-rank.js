/*
 * Hindsight search, part 3 of 4: querying and ranking.
 *
 * Matching: every word of the query must match (else the best partial matches are shown). The last
 * word, while it is being typed, also matches the most frequent terms it starts (type-ahead). A word
 * of 5 or more letters that is not in the index matches terms one edit away (insert, delete, replace
 * or swap two neighbours) that share its first two letters: the dictionary is split by the first two
 * letters, so typos there are not corrected. Identifiers match whole (HighErrorRate, INC-2024-031),
 * or, when the index does not have them whole, by their parts, as the indexer split them.
 */
(function () {
  'use strict';

  var ns = window.__hindsightSearch = window.__hindsightSearch || {};
  if (!ns.tokenizer || !ns.index || ns.rank) {
    return;
  }
  var MIN_LENGTH = ns.tokenizer.MIN_LENGTH;
  var compounds = ns.tokenizer.compounds;
  var index = ns.index;
  var loadMeta = index.loadMeta;
  var loadFacets = index.loadFacets;
  var postings = index.postings;
  var postingsShard = index.postingsShard;
  var dictionaryCompletions = index.dictionaryCompletions;
  var shardCompletions = index.shardCompletions;
  var typoCandidates = index.typoCandidates;

  var MAX_COMPLETIONS = 8;
  var MAX_NEW_SHARDS_FOR_COMPLETIONS = 2;
  var WEIGHT_PREFIX = 0.85;
  var WEIGHT_TYPO = 0.6;
  var WEIGHT_PARTS = 0.8;

  /**
   * The clauses of a query: one per word, {whole, parts, prefix}. The last word is a prefix while
   * the query does not end with a space.
   */
  function parseQuery(q) {
    var clauses = [];
    compounds(q).forEach(function (c) {
      var parts = [];
      c.parts.forEach(function (p) {
        if (parts.indexOf(p.term) < 0 && (!c.whole || p.term !== c.whole.term)) {
          parts.push(p.term);
        }
      });
      if (c.whole || parts.length) {
        clauses.push({ whole: c.whole ? c.whole.term : null, parts: parts, prefix: false });
      }
    });
    if (clauses.length && !/[\s]$/.test(q)) {
      clauses[clauses.length - 1].prefix = true;
    }
    return clauses;
  }

  /**
   * Raises scores[doc] to the document's score times weight where that is higher; adds the documents
   * that had no score yet to touched.
   */
  function maxInto(scores, touched, p, weight) {
    var docs = p.docs;
    var ps = p.scores;
    for (var i = 0; i < docs.length; i++) {
      var d = docs[i];
      var s = ps[i] * weight;
      if (s > scores[d]) {
        if (scores[d] === 0) {
          touched.push(d);
        }
        scores[d] = s;
      }
    }
  }

  /**
   * Scores of one clause, one per document (0: no match; every stored score is above 0), the
   * documents that have one, and the terms it matched (for highlighting). The word itself, and while
   * it is being typed the terms it starts, come first; only when they match nothing are its parts (an
   * identifier not indexed whole) and its typos looked up, so that an identifier found whole loads
   * one shard and not one per part.
   */
  function evaluateClause(clause, shardsInUse) {
    var n = index.meta().count;
    var scores = new Float32Array(n);
    var touched = [];
    var matched = [];
    var w = clause.whole;
    var jobs = [w ? postings(w) : Promise.resolve(null)];
    if (w && clause.prefix && w.length >= MIN_LENGTH) {
      // The terms that start with w follow it in term order: when they are in w's shard or the next
      // few, those shards answer; else the dictionary picks the most frequent.
      var from = postingsShard(w);
      var to = postingsShard(w + '\uffff');
      jobs.push(to - from <= MAX_NEW_SHARDS_FOR_COMPLETIONS
        ? shardCompletions(w, from, to).then(function (cs) {
          return cs.filter(function (c) { return c.term !== w; }).slice(0, MAX_COMPLETIONS);
        })
        : dictionaryCompletions(w).then(function (cs) {
          return pickCompletions(cs.filter(function (c) { return c.term !== w; }), shardsInUse);
        }));
    }
    return Promise.all(jobs).then(function (rs) {
      var exact = rs[0];
      var completions = rs[1] || [];
      if (exact) {
        maxInto(scores, touched, exact, 1);
        matched.push(w);
      }
      var alternatives = completions.map(function (c) { return { term: c.term, weight: WEIGHT_PREFIX }; });
      var fallbacks = [];
      if (!exact && !completions.length) {
        if (w && w.length >= 5) {
          fallbacks.push(typos(w).then(function (ts) { alternatives = alternatives.concat(ts); }));
        }
        if (clause.parts.length > 1 || (!w && clause.parts.length > 0)) {
          fallbacks.push(partsInto(scores, touched, clause.parts, matched));
        }
      }
      return Promise.all(fallbacks).then(function () {
        return Promise.all(alternatives.map(function (alt) {
          return postings(alt.term).then(function (p) {
            if (p) {
              maxInto(scores, touched, p, alt.weight);
              matched.push(alt.term);
            }
          });
        }));
      });
    }).then(function () {
      return { scores: scores, docs: touched, matched: matched, prefix: clause.prefix ? w : null };
    });
  }

  /** Where every part occurs, the parts' summed scores (weighted) when higher than what is there. */
  function partsInto(scores, touched, parts, matched) {
    return Promise.all(parts.map(postings)).then(function (ps) {
      if (ps.some(function (p) { return !p; })) {
        return;
      }
      var n = scores.length;
      var sum = new Float32Array(n);
      var count = new Uint8Array(n);
      ps.forEach(function (p) {
        for (var i = 0; i < p.docs.length; i++) {
          sum[p.docs[i]] += p.scores[i];
          count[p.docs[i]]++;
        }
      });
      for (var d = 0; d < n; d++) {
        if (count[d] === ps.length && sum[d] * WEIGHT_PARTS > scores[d]) {
          if (scores[d] === 0) {
            touched.push(d);
          }
          scores[d] = sum[d] * WEIGHT_PARTS;
        }
      }
      parts.forEach(function (t) { matched.push(t); });
    });
  }

  function typos(w) {
    if (w.length < 5) {
      return Promise.resolve([]);
    }
    return typoCandidates(w).then(function (cs) {
      return cs.map(function (c) { return { term: c.term, weight: WEIGHT_TYPO }; });
    });
  }

  /** The most frequent completions, from shards already needed plus at most two more. */
  function pickCompletions(cs, shardsInUse) {
    var picked = [];
    var added = 0;
    for (var i = 0; i < cs.length && picked.length < MAX_COMPLETIONS; i++) {
      var s = postingsShard(cs[i].term);
      if (!shardsInUse.has(s)) {
        if (added >= MAX_NEW_SHARDS_FOR_COMPLETIONS) {
          continue;
        }
        shardsInUse.add(s);
        added++;
      }
      picked.push(cs[i]);
    }
    return picked;
  }

  /**
   * Runs a query. Resolves to {matches, total, top(k), partial, matched, prefixes, facets()}: matches
   * are the documents that pass the filters (in no particular order), top(k) the best k of them,
   * ranked; total the score of each document; facets() a promise of the counts per facet value (with
   * facets only: the dropdown shows none and loads none). Without filters the ranking does not wait
   * for the facet data, so the documents to show load while it arrives. filters maps a facet name to
   * the selected values.
   */
  function runQuery(q, filters, withFacets) {
    var filtering = anyFilter(filters);
    var facetData = null;
    return loadMeta().then(function () {
      facetData = withFacets || filtering ? loadFacets() : null;
      if (facetData) {
        facetData.catch(function () {}); // reported where the counts are used
      }
      var clauses = parseQuery(q);
      var shardsInUse = new Set();
      clauses.forEach(function (c) {
        [c.whole].concat(c.parts).forEach(function (t) {
          if (t) {
            shardsInUse.add(postingsShard(t));
          }
        });
      });
      return Promise.all([
        Promise.all(clauses.map(function (c) { return evaluateClause(c, shardsInUse); })),
        filtering ? facetData : null
      ]);
    }).then(function (loaded) {
      var rs = loaded[0];
      var facets = loaded[1] ? loaded[1]() : null;
      var combined = combine(rs, index.meta().count);
      var found = combined.found;
      var partial = combined.partial;
      var total = combined.total;
      var rank = combined.rank;
      var selected = facets && filtering ? selectedDocuments(facets, filters) : null;
      var matches = selected ? found.filter(function (doc) { return passes(selected, doc, -1); }) : found;
      var matched = [];
      rs.forEach(function (r) { matched = matched.concat(r.matched); });
      return {
        matches: matches,
        total: total,
        partial: partial,
        matched: matched,
        prefixes: rs.map(function (r) { return r.prefix; }).filter(Boolean),
        /** Called once the documents to show are requested, so that counting does not delay them. */
        facets: function () {
          return withFacets ? facetData.then(function (fs) { return facetCounts(fs(), found, selected); })
            : Promise.resolve([]);
        },
        top: function (count) {
          return best(matches, count, rank);
        }
      };
    });
  }

  /**
   * The documents found by the clauses' results rs (each {scores, docs}) among n: {found, partial, total, rank},
   * found being those that match every clause, or when none does those that match some (partial); total the
   * summed score of each document and rank the number to rank by.
   */
  function combine(rs, n) {
    var total = new Float64Array(n);
    var hits = new Uint8Array(n);
    var seen = [];
    rs.forEach(function (r) {
      var s = r.scores;
      var docs = r.docs;
      for (var i = 0; i < docs.length; i++) {
        var d = docs[i];
        if (hits[d] === 0) {
          seen.push(d);
        }
        total[d] += s[d];
        hits[d]++;
      }
    });
    // Documents that match every word; when none does, those that match some, most words first.
    var all = 0;
    for (var i = 0; i < seen.length; i++) {
      all += hits[seen[i]] === rs.length ? 1 : 0;
    }
    var partial = all === 0 && seen.length > 0;
    var found = new Int32Array(partial ? seen.length : all);
    var k = 0;
    for (i = 0; i < seen.length; i++) {
      if (partial || hits[seen[i]] === rs.length) {
        found[k++] = seen[i];
      }
    }
    // One number to rank by: the score when every document found matches every word, else the
    // number of words matched first, then the score (below 1 after the scaling).
    var rank = total;
    if (partial) {
      rank = new Float64Array(n);
      var most = 0;
      for (i = 0; i < found.length; i++) {
        most = Math.max(most, total[found[i]]);
      }
      for (i = 0; i < found.length; i++) {
        rank[found[i]] = hits[found[i]] + total[found[i]] / (most * 2 || 1);
      }
    }
    return { found: found, partial: partial, total: total, rank: rank };
  }

  /** The count documents of list with the highest rank, best first; ties go to the lower id. */
  function best(list, count, rank) {
    var out = [];
    for (var i = 0; i < list.length; i++) {
      var x = list[i];
      var r = rank[x];
      if (out.length === count) {
        var last = out[count - 1];
        if (r < rank[last] || (r === rank[last] && x > last)) {
          continue;
        }
      }
      var at = out.length < count ? out.length : count - 1;
      while (at > 0 && (r > rank[out[at - 1]] || (r === rank[out[at - 1]] && x < out[at - 1]))) {
        out[at] = out[at - 1];
        at--;
      }
      out[at] = x;
    }
    return out;
  }

  /**
   * Per facet, null when it is not filtered, else a flag per document: whether it has one of the
   * selected values.
   */
  function selectedDocuments(facets, filters) {
    return facets.map(function (f) {
      var chosen = filters[f.name];
      if (!chosen || !chosen.length) {
        return null;
      }
      var flags = new Uint8Array(f.values.length + 1);
      var has = new Uint8Array(index.meta().count);
      f.values.forEach(function (v, i) {
        if (chosen.indexOf(v) >= 0) {
          flags[i + 1] = 1;
          for (var k = f.moreStart[i]; k < f.moreStart[i + 1]; k++) {
            has[f.more[k]] = 1;
          }
        }
      });
      for (var d = 0; d < has.length; d++) {
        has[d] |= flags[f.first[d]];
      }
      return has;
    });
  }

  /** Whether doc has a selected value in every filtered facet but the one at index except. */
  function passes(selected, doc, except) {
    for (var i = 0; i < selected.length; i++) {
      if (i !== except && selected[i] && !selected[i][doc]) {
        return false;
      }
    }
    return true;
  }

  function anyFilter(filters) {
    return Object.keys(filters || {}).some(function (k) { return filters[k] && filters[k].length > 0; });
  }

  /** Per facet, the number of documents of found with each value, under the other facets' filters. */
  function facetCounts(facets, found, selected) {
    var all = null;
    return facets.map(function (f, i) {
      var mark = !selected ? all : null;
      if (!mark) {
        mark = new Uint8Array(index.meta().count);
        for (var j = 0; j < found.length; j++) {
          if (!selected || passes(selected, found[j], i)) {
            mark[found[j]] = 1;
          }
        }
        all = selected ? null : mark;
      }
      var counts = new Int32Array(f.values.length + 1);
      for (j = 0; j < found.length; j++) {
        if (mark[found[j]]) {
          counts[f.first[found[j]]]++;
        }
      }
      for (var v = 0; v < f.values.length; v++) {
        for (var k = f.moreStart[v]; k < f.moreStart[v + 1]; k++) {
          counts[v + 1] += mark[f.more[k]];
        }
      }
      return { name: f.name, values: f.values, counts: counts.subarray(1) };
    });
  }
  /**
   * Runs the ranking once on made-up postings (index.warmPostings) and the facet data, when the page has nothing
   * else to do before its first query: a new page's code is not compiled yet, and running it for the first time
   * on a query's postings took several times as long as the query itself (at 10k documents, on a busy 2-core
   * machine: 60-80 ms after the postings arrived, where the same query with the code run once took 10-20 ms). Reads nothing but the metadata and the decoded facets,
   * keeps nothing: results are the same. Returns facet counts for made-up results, for the page to render apart.
   */
  function warmUp(facets) {
    var n = index.meta().count;
    var rs = index.warmPostings().map(function (p, k) {
      var scores = new Float32Array(n);
      var touched = [];
      maxInto(scores, touched, p, 1);
      maxInto(scores, touched, p, k ? WEIGHT_PREFIX : WEIGHT_TYPO);
      return { scores: scores, docs: touched };
    });
    var one = combine([rs[0]], n);
    best(one.found, 10, one.rank);
    var both = combine(rs, n);
    best(both.found, 10, both.rank);
    parseQuery('warm-up HighErrorRate INC-2024-0042 pg_stat_activity');
    return facets ? facetCounts(facets, both.found, null) : [];
  }

  ns.rank = { runQuery: runQuery, warmUp: warmUp };
})();
