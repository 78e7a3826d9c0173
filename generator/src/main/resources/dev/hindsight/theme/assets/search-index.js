/*
 * Hindsight search, part 2 of 4: loading and decoding the static index under search/data/ (see
 * dev.hindsight.search).
 *
 * Every index file is a script that calls window.__hindsightSearch.shard(name, data), loaded with a
 * <script> element, so search works from file:// as well as over HTTP. A query loads the metadata,
 * the postings shard of each word, the shards that follow the one of the word being typed (its
 * completions) and, on the results page only, the facet data. The postings shards carry the rows of their
 * terms' best documents, so the results usually show with those files; the document chunks of the results
 * shown (their rows carry their section texts) follow, for the snippets, and for a result no shard carried. A dictionary file is loaded for a typo, or to pick the completions of a short prefix.
 */
(function () {
  'use strict';

  var script = document.currentScript;
  var ns = window.__hindsightSearch = window.__hindsightSearch || {};
  if (!script || ns.index) {
    return;
  }
  var ROOT = new URL('../', script.src).href;
  var DATA = ROOT + 'search/data/';

  var store = new Map();
  var pending = new Map();
  var requested = [];

  function shard(name, data) {
    store.set(name, data);
    var p = pending.get(name);
    if (p) {
      pending.delete(name);
      p.resolve(data);
    }
  }

  function load(name) {
    if (store.has(name)) {
      return Promise.resolve(store.get(name));
    }
    if (pending.has(name)) {
      return pending.get(name).promise;
    }
    var entry = {};
    entry.promise = new Promise(function (resolve, reject) {
      entry.resolve = resolve;
      entry.reject = reject;
    });
    pending.set(name, entry);
    requested.push(name);
    var el = document.createElement('script');
    el.src = DATA + name + '.js';
    el.async = true;
    el.onload = function () {
      el.remove();
      if (!store.has(name)) {
        pending.delete(name);
        entry.reject(new Error('search index file ' + name + '.js did not register'));
      }
    };
    el.onerror = function () {
      el.remove();
      pending.delete(name);
      entry.reject(new Error('cannot load the search index (' + el.src + ')'));
    };
    document.head.appendChild(el);
    return entry.promise;
  }

  var ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_';
  var DIGITS = new Int8Array(128).fill(-1);
  for (var a = 0; a < ALPHABET.length; a++) {
    DIGITS[ALPHABET.charCodeAt(a)] = a;
  }
  var DENSE = 126; // '~': a postings list written as a bitmap of documents, then their scores
  var FORMAT = 5; // SearchIndex.FORMAT

  var meta = null;
  var metaPromise = null;
  var facetsPromise = null;
  var postingLevels = null;
  var decoded = new Map();
  var dictionaries = new Map();
  /** Document rows the postings shards carried, by document: [id, title, url, date, snippet, kind, severity, services]. */
  var rows = new Map();

  function loadMeta() {
    if (!metaPromise) {
      metaPromise = load('meta').then(function (m) {
        if (m.format !== FORMAT) {
          throw new Error('The search index is not the one this page was built with (format ' + m.format
            + ', expected ' + FORMAT + '): reload the page.');
        }
        meta = m;
        postingLevels = new Float64Array(m.postingLevels);
        for (var l = 0; l < m.postingLevels; l++) {
          postingLevels[l] = Math.pow(m.postingRatio, l - (m.postingLevels - 1));
        }
        meta.postingKeys = frontDecoded(m.postings);
        return m;
      }, function (e) {
        metaPromise = null;
        throw e;
      });
    }
    return metaPromise;
  }

  /**
   * The facet data, which only facet counts and filters need: a function that returns
   * [{name, values, first, moreStart, more}], decoding them when first asked rather than when they
   * arrive, so that this does not hold up a query's postings, which may arrive just after.
   */
  function loadFacets() {
    if (!facetsPromise) {
      facetsPromise = load('facets').then(function (f) {
        var decodedFacets = null;
        var decode = function () {
          decodedFacets = decodedFacets || f.facets.map(decodeFacet);
          return decodedFacets;
        };
        // Ahead of the first query when the page has nothing else to do (while the box waits for a word).
        if (window.requestIdleCallback) {
          window.requestIdleCallback(decode, { timeout: 2000 });
        }
        return decode;
      }, function (e) {
        facetsPromise = null;
        throw e;
      });
    }
    return facetsPromise;
  }

  /** The strings of a front-coded list (Codec.frontCoded). */
  function frontDecoded(s) {
    var out = [];
    var prev = '';
    var i = 0;
    while (i < s.length) {
      var shared = DIGITS[s.charCodeAt(i++)];
      var length = 0;
      var d;
      do {
        d = DIGITS[s.charCodeAt(i++)];
        length = length * 32 + (d & 31);
      } while (d >= 32);
      prev = prev.substring(0, shared) + s.substring(i, i + length);
      i += length;
      out.push(prev);
    }
    return out;
  }

  /**
   * Facet values per document: first[doc] is the first value's index + 1 (0: none), from the runs;
   * the documents that have value v as a further value are more[moreStart[v]] to
   * more[moreStart[v + 1] - 1]. Decoded straight from the strings into typed arrays: this runs
   * while the first query's results load, with the code not compiled yet.
   */
  function decodeFacet(f) {
    var n = meta.count;
    var values = frontDecoded(f.values);
    var first = values.length < 65535 ? new Uint16Array(n) : new Uint32Array(n);
    var s = f.runs;
    var i = 0;
    var id = 0;
    var value = 0;
    var d;
    while (i < s.length) {
      var length = 0;
      do {
        d = DIGITS[s.charCodeAt(i++)];
        length = length * 32 + (d & 31);
      } while (d >= 32);
      var z = 0;
      do {
        d = DIGITS[s.charCodeAt(i++)];
        z = z * 32 + (d & 31);
      } while (d >= 32);
      value += z % 2 ? -(z + 1) / 2 : z / 2;
      first.fill(value, id, id + length);
      id += length;
    }
    s = f.more;
    var moreStart = new Int32Array(values.length + 1);
    var more = new Int32Array(s.length);
    var k = 0;
    i = 0;
    for (var v = 0; v < values.length; v++) {
      var count = 0;
      do {
        d = DIGITS[s.charCodeAt(i++)];
        count = count * 32 + (d & 31);
      } while (d >= 32);
      var doc = -1;
      for (var c = 0; c < count; c++) {
        var gap = 0;
        do {
          d = DIGITS[s.charCodeAt(i++)];
          gap = gap * 32 + (d & 31);
        } while (d >= 32);
        doc += gap + 1;
        more[k++] = doc;
      }
      moreStart[v + 1] = k;
    }
    return { name: f.name, values: values, first: first, moreStart: moreStart, more: more.subarray(0, k) };
  }

  /** Index of the file whose key is the greatest key <= term. */
  function fileFor(keys, t) {
    var lo = 0;
    var hi = keys.length - 1;
    while (lo < hi) {
      var mid = (lo + hi + 1) >> 1;
      if (keys[mid] <= t) {
        lo = mid;
      } else {
        hi = mid - 1;
      }
    }
    return lo;
  }

  function postingsShard(t) {
    return fileFor(meta.postingKeys, t);
  }

  /** Postings shard i as {terms, encoded}: two arrays in term order; the rows it carries go to rows. */
  function shardData(i) {
    var name = 'p/' + i;
    return load(name).then(function () {
      var data = store.get(name);
      if (data.p) {
        var p = data.p;
        var terms = new Array(p.length / 2);
        var encoded = new Array(p.length / 2);
        for (var k = 0; k < p.length; k += 2) {
          terms[k / 2] = p[k];
          encoded[k / 2] = p[k + 1];
        }
        data.r.forEach(function (row) {
          rows.set(row[0], row);
        });
        data = { terms: terms, encoded: encoded };
        store.set(name, data);
      }
      return data;
    });
  }

  /** The postings of a term, decoded: {docs: Int32Array, scores: Float32Array}; null when not indexed. */
  function postings(t) {
    if (decoded.has(t)) {
      return Promise.resolve(decoded.get(t));
    }
    return shardData(postingsShard(t)).then(function (shard) {
      var k = lowerBound(shard.terms, t);
      var result = k < shard.terms.length && shard.terms[k] === t ? decodePostings(shard.encoded[k]) : null;
      decoded.set(t, result);
      return result;
    });
  }

  function decodePostings(s) {
    var dense = s.charCodeAt(0) === DENSE ? 1 : 0;
    var q = DIGITS[s.charCodeAt(dense)] * 64 + DIGITS[s.charCodeAt(dense + 1)];
    var termMax = Math.pow(meta.termRatio, q - (meta.termLevels - 1));
    var docs;
    var scores;
    var k = 0;
    if (dense) {
      var bitmap = Math.ceil(meta.count / 6);
      var at = 3 + bitmap;
      docs = new Int32Array(s.length - at);
      scores = new Float32Array(docs.length);
      for (var c = 0; c < bitmap; c++) {
        var bits = DIGITS[s.charCodeAt(3 + c)];
        for (var j = 0; bits; j++, bits >>= 1) {
          if (bits & 1) {
            docs[k] = c * 6 + j;
            scores[k] = termMax * postingLevels[DIGITS[s.charCodeAt(at + k)]];
            k++;
          }
        }
      }
      return { docs: docs, scores: scores };
    }
    docs = new Int32Array((s.length - 2) >> 1);
    scores = new Float32Array(docs.length);
    var doc = -1;
    var acc = 0;
    for (var i = 2; i < s.length; i++) {
      var d = DIGITS[s.charCodeAt(i)];
      acc = acc * 32 + (d & 31);
      if (d < 32) {
        doc += acc + 1;
        acc = 0;
        docs[k] = doc;
        scores[k] = termMax * postingLevels[DIGITS[s.charCodeAt(++i)]];
        k++;
      }
    }
    return { docs: docs.subarray(0, k), scores: scores.subarray(0, k) };
  }

  /** The number of documents of an encoded postings list, without decoding it. */
  function documentFrequency(s) {
    if (s.charCodeAt(0) === DENSE) {
      return s.length - 3 - Math.ceil(meta.count / 6);
    }
    var n = 0;
    for (var i = 2; i < s.length; i++) {
      if (DIGITS[s.charCodeAt(i)] < 32) {
        n++;
        i++;
      }
    }
    return n;
  }

  /** The terms of dictionary file i: {terms: [...], weights: string}. */
  function dictionary(i) {
    if (dictionaries.has(i)) {
      return Promise.resolve(dictionaries.get(i));
    }
    return load('t/' + i).then(function (data) {
      var d = { terms: data.t === '' ? [] : data.t.split(' '), weights: data.w };
      dictionaries.set(i, d);
      return d;
    });
  }

  /** Terms that start with prefix, from the dictionary, most frequent first: [{term, weight}]. */
  function dictionaryCompletions(prefix) {
    var from = fileFor(meta.terms, prefix);
    var to = fileFor(meta.terms, prefix + '\uffff');
    var files = [];
    for (var i = from; i <= to; i++) {
      files.push(dictionary(i));
    }
    return Promise.all(files).then(function (ds) {
      var out = [];
      ds.forEach(function (d) {
        var k = lowerBound(d.terms, prefix);
        for (; k < d.terms.length && d.terms[k].startsWith(prefix); k++) {
          out.push({ term: d.terms[k], weight: DIGITS[d.weights.charCodeAt(k)] });
        }
      });
      return out.sort(byWeight);
    });
  }

  /** Terms that start with prefix, from postings shards [from, to], most documents first: [{term, weight}]. */
  function shardCompletions(prefix, from, to) {
    var shards = [];
    for (var i = from; i <= to; i++) {
      shards.push(shardData(i));
    }
    return Promise.all(shards).then(function (ss) {
      var out = [];
      ss.forEach(function (s) {
        for (var k = lowerBound(s.terms, prefix); k < s.terms.length && s.terms[k].startsWith(prefix); k++) {
          out.push({ term: s.terms[k], weight: documentFrequency(s.encoded[k]) });
        }
      });
      return out.sort(byWeight);
    });
  }

  /** Terms one edit away from t that share its first two letters, most frequent first. */
  function typoCandidates(t) {
    return dictionary(fileFor(meta.terms, t)).then(function (d) {
      var head = t.substring(0, 2);
      var out = [];
      for (var k = lowerBound(d.terms, head); k < d.terms.length && d.terms[k].startsWith(head); k++) {
        var c = d.terms[k];
        if (c !== t && Math.abs(c.length - t.length) <= 1 && oneEdit(t, c)) {
          out.push({ term: c, weight: DIGITS[d.weights.charCodeAt(k)] });
        }
      }
      return out.sort(byWeight).slice(0, 3);
    });
  }

  function byWeight(x, y) {
    return y.weight - x.weight || (x.term < y.term ? -1 : x.term > y.term ? 1 : 0);
  }

  function lowerBound(list, t) {
    var lo = 0;
    var hi = list.length;
    while (lo < hi) {
      var mid = (lo + hi) >> 1;
      if (list[mid] < t) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  /** Whether a and b are one insertion, deletion, substitution or adjacent swap apart. */
  function oneEdit(a, b) {
    if (a.length > b.length) {
      var tmp = a;
      a = b;
      b = tmp;
    }
    var i = 0;
    while (i < a.length && a[i] === b[i]) {
      i++;
    }
    if (a.length === b.length) {
      if (a.substring(i + 1) === b.substring(i + 1)) {
        return true;
      }
      return a[i] === b[i + 1] && a[i + 1] === b[i] && a.substring(i + 2) === b.substring(i + 2);
    }
    return a.substring(i) === b.substring(i + 1);
  }


  function chunkRow(d) {
    var chunk = store.get('d/' + Math.floor(d / meta.chunk));
    return chunk ? chunk[d % meta.chunk] : null;
  }

  /** Loads the document chunks of ids that hold no row loaded so far (all when full: for their section texts). */
  function loadChunks(ids, full) {
    var chunks = new Set();
    ids.forEach(function (d) {
      if (!chunkRow(d) && (full || !rows.has(d))) {
        chunks.add(Math.floor(d / meta.chunk));
      }
    });
    // In rank order: with a few connections at a time, the first results come first.
    return Promise.all(Array.from(chunks).map(function (c) {
      return load('d/' + c);
    }));
  }

  /**
   * Display data of documents: {doc, id, title, url, date, snippet, kind, services, severity, sections}, where
   * sections are the raw section texts of the row (sectionTexts), undefined while its chunk is not loaded.
   * A row a postings shard carried needs no file.
   */
  function documents(ids) {
    return loadChunks(ids, false).then(function () {
      return ids.map(function (d) {
        var full = chunkRow(d);
        var row = full || rows.get(d).slice(1);
        return {
          doc: d, id: row[0], title: row[1], url: ROOT + row[2], date: row[3], snippet: row[4],
          kind: row[5], severity: row[6], services: row[7], sections: full ? full[8] : undefined
        };
      });
    });
  }

  /**
   * The section texts of documents (as documents() returned them): for each, [{anchor, heading,
   * text}, …] in document order, [] for none. Loads the chunks of the rows that came without them.
   */
  function sectionTexts(docs) {
    return loadChunks(docs.map(function (d) { return d.doc; }), true).then(function () {
      return docs.map(function (d) {
        var full = chunkRow(d.doc);
        return ((full && full[8]) || []).map(function (s) {
          return { anchor: s[0], heading: s[1], text: s[2] };
        });
      });
    });
  }

  /**
   * Made-up postings, decoded as a term's are: a sparse list and a bitmap, of a few thousand documents each.
   * Nothing of the index is read or kept: this only runs the decoding once ahead of the first query (see
   * ns.rank.warmUp), so that its code is compiled before a query's postings wait for it.
   */
  function warmPostings() {
    var n = Math.min(meta.count, 3000);
    var sparse = '00' + '00'.repeat(n);
    var bitmap = Math.ceil(meta.count / 6);
    var full = Math.floor(n / 6);
    var dense = String.fromCharCode(DENSE) + '00' + '_'.repeat(full) + '0'.repeat(bitmap - full) + '0'.repeat(full * 6);
    documentFrequency(sparse);
    documentFrequency(dense);
    return [decodePostings(sparse), decodePostings(dense)];
  }

  ns.index = {
    load: load,
    warmPostings: warmPostings,
    loadMeta: loadMeta,
    loadFacets: loadFacets,
    /** The metadata once loadMeta() has resolved. */
    meta: function () {
      return meta;
    },
    postings: postings,
    postingsShard: postingsShard,
    dictionaryCompletions: dictionaryCompletions,
    shardCompletions: shardCompletions,
    typoCandidates: typoCandidates,
    documents: documents,
    sectionTexts: sectionTexts
  };
  /** Called by every index file. */
  ns.shard = shard;
  /** For tests and tools: the index files requested so far. */
  ns.loaded = function () {
    return requested.slice();
  };
})();
