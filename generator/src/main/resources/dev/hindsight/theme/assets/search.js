/*
 * Hindsight search: the client of the static index under search/data/ (see dev.hindsight.search).
 *
 * Every index file is a script that calls window.__hindsightSearch.shard(name, data), loaded with a
 * <script> element, so search works from file:// as well as over HTTP. A query loads the metadata,
 * the postings shard of each word, the shards that follow the one of the word being typed (its
 * completions), the document chunks of the results it shows and, on the results page only, the facet
 * data. A dictionary file is loaded for a typo, or to pick the completions of a short prefix.
 *
 * Matching: every word of the query must match (else the best partial matches are shown). The last
 * word, while it is being typed, also matches the most frequent terms it starts (type-ahead). A word
 * of 5 or more letters that is not in the index matches terms one edit away (insert, delete, replace
 * or swap two neighbours) that share its first two letters: the dictionary is split by the first two
 * letters, so typos there are not corrected. Identifiers match whole (HighErrorRate, INC-2024-031),
 * or, when the index does not have them whole, by their parts, as the indexer split them.
 *
 * Untrusted text (titles, snippets) only ever reaches the page as text nodes.
 */
(function () {
  'use strict';

  var script = document.currentScript;
  if (!script || (window.__hindsightSearch && window.__hindsightSearch.search)) {
    return;
  }
  var ROOT = new URL('../', script.src).href;
  var DATA = ROOT + 'search/data/';
  var PAGE_SIZE = 10;
  var DROPDOWN_SIZE = 6;
  var FACET_SIZE = 10;
  var MAX_COMPLETIONS = 8;
  var MAX_NEW_SHARDS_FOR_COMPLETIONS = 2;
  var WEIGHT_PREFIX = 0.85;
  var WEIGHT_TYPO = 0.6;
  var WEIGHT_PARTS = 0.8;

  // ---------------------------------------------------------------- loading

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

  // ---------------------------------------------------------------- tokenizer (twin of Tokenizer.java)

  var WORD = /[\p{L}\p{M}\p{N}]/u;
  var UPPER = /\p{Lu}/u;
  var LOWER = /\p{Ll}/u;
  var DIGIT = /\p{Nd}/u;
  var MIN_LENGTH = 2;
  var MAX_LENGTH = 40;

  function isJoiner(c) {
    return c === '-' || c === '_' || c === '.';
  }

  /** Letters, marks and numbers; ASCII without a regular expression (most text is ASCII). */
  function isWordCode(cp) {
    if (cp < 128) {
      return (cp >= 97 && cp <= 122) || (cp >= 48 && cp <= 57) || (cp >= 65 && cp <= 90);
    }
    return WORD.test(String.fromCodePoint(cp));
  }

  function isWordAt(text, i) {
    return i < text.length && isWordCode(text.codePointAt(i));
  }

  function fold(raw) {
    var lower = raw.toLowerCase();
    if (!/[^\x00-\x7f]/.test(lower)) {
      return lower;
    }
    return lower.normalize('NFD').replace(/[\u0300-\u036f]/g, '').normalize('NFC');
  }

  function typeOf(ch) {
    var c = ch.charCodeAt(0);
    if (c < 128) {
      return c >= 65 && c <= 90 ? 'U' : c >= 97 && c <= 122 ? 'L' : c >= 48 && c <= 57 ? 'D' : 'O';
    }
    if (UPPER.test(ch)) {
      return 'U';
    }
    if (LOWER.test(ch)) {
      return 'L';
    }
    return DIGIT.test(ch) ? 'D' : 'O';
  }

  /** Camel-case parts of a piece as [start, end) offsets into it; one-unit parts join a neighbour. */
  function camelParts(piece) {
    var bounds = [];
    var segStart = 0;
    var prev = '';
    for (var i = 0; i < piece.length;) {
      var cp = piece.codePointAt(i);
      var ch = String.fromCodePoint(cp);
      var type = typeOf(ch);
      var nextIndex = i + ch.length;
      var next = nextIndex < piece.length ? typeOf(String.fromCodePoint(piece.codePointAt(nextIndex))) : '';
      var boundary = type === 'U' && (prev === 'L' || prev === 'D' || (prev === 'U' && next === 'L'));
      if (boundary && i > segStart) {
        bounds.push([segStart, i]);
        segStart = i;
      }
      prev = type;
      i = nextIndex;
    }
    bounds.push([segStart, piece.length]);
    var out = [];
    var carry = null;
    bounds.forEach(function (b) {
      var s = carry ? [carry[0], b[1]] : b;
      if (s[1] - s[0] === 1) {
        carry = s;
      } else {
        out.push(s);
        carry = null;
      }
    });
    if (carry) {
      if (out.length === 0) {
        out.push(carry);
      } else {
        out[out.length - 1] = [out[out.length - 1][0], carry[1]];
      }
    }
    return out;
  }

  /**
   * The compounds of a text: {start, end, whole, parts}, whole and parts being {term, start, end}
   * (whole null when too short or long). The terms, in order, are exactly what Tokenizer.java emits.
   */
  function compounds(text) {
    var out = [];
    var n = text.length;
    var i = 0;
    while (i < n) {
      var cp = text.codePointAt(i);
      if (!isWordCode(cp)) {
        i += cp > 0xffff ? 2 : 1;
        continue;
      }
      var start = i;
      var joined = false;
      var j = i;
      while (j < n) {
        var cj = text.codePointAt(j);
        if (isWordCode(cj)) {
          j += cj > 0xffff ? 2 : 1;
        } else if (isJoiner(text.charAt(j)) && isWordAt(text, j + 1)) {
          joined = true;
          j += 1;
        } else {
          break;
        }
      }
      var compound = { start: start, end: j, whole: term(text, start, j), parts: [] };
      var pieceStart = start;
      for (var k = start; k <= j; k++) {
        if (k === j || (joined && isJoiner(text.charAt(k)))) {
          if (joined) {
            push(compound.parts, term(text, pieceStart, k));
          }
          var piece = text.substring(pieceStart, k);
          var parts = camelParts(piece);
          if (parts.length > 1) {
            for (var p = 0; p < parts.length; p++) {
              push(compound.parts, term(text, pieceStart + parts[p][0], pieceStart + parts[p][1]));
            }
          }
          pieceStart = k + 1;
        }
      }
      out.push(compound);
      i = j;
    }
    return out;
  }

  function term(text, start, end) {
    var t = fold(text.substring(start, end));
    return t.length >= MIN_LENGTH && t.length <= MAX_LENGTH ? { term: t, start: start, end: end } : null;
  }

  function push(list, t) {
    if (t) {
      list.push(t);
    }
  }

  function tokenize(text) {
    var out = [];
    compounds(text).forEach(function (c) {
      if (c.whole) {
        out.push(c.whole.term);
      }
      c.parts.forEach(function (p) {
        out.push(p.term);
      });
    });
    return out;
  }

  // ---------------------------------------------------------------- index access

  var ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_';
  var DIGITS = new Int8Array(128).fill(-1);
  for (var a = 0; a < ALPHABET.length; a++) {
    DIGITS[ALPHABET.charCodeAt(a)] = a;
  }
  var DENSE = 126; // '~': a postings list written as a bitmap of documents, then their scores
  var FORMAT = 2; // SearchIndex.FORMAT

  var meta = null;
  var metaPromise = null;
  var facetsPromise = null;
  var postingLevels = null;
  var decoded = new Map();
  var dictionaries = new Map();

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
        return function () {
          decodedFacets = decodedFacets || f.facets.map(decodeFacet);
          return decodedFacets;
        };
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

  /** Postings shard i as {terms, encoded}: two arrays in term order. */
  function shardData(i) {
    var name = 'p/' + i;
    return load(name).then(function () {
      var data = store.get(name);
      if (Array.isArray(data)) {
        var terms = new Array(data.length / 2);
        var encoded = new Array(data.length / 2);
        for (var k = 0; k < data.length; k += 2) {
          terms[k / 2] = data[k];
          encoded[k / 2] = data[k + 1];
        }
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

  // ---------------------------------------------------------------- querying

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
    var n = meta.count;
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
      var n = meta.count;
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
      var has = new Uint8Array(meta.count);
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
        mark = new Uint8Array(meta.count);
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

  /** Display data of documents: {id, title, url, date, snippet, kind, services, severity}. */
  function documents(ids) {
    // In rank order: with a few connections at a time, the first results come first.
    var chunks = new Set(ids.map(function (d) { return Math.floor(d / meta.chunk); }));
    return Promise.all(Array.from(chunks).map(function (c) {
      return load('d/' + c);
    })).then(function () {
      return ids.map(function (d) {
        var row = store.get('d/' + Math.floor(d / meta.chunk))[d % meta.chunk];
        return {
          doc: d, id: row[0], title: row[1], url: ROOT + row[2], date: row[3], snippet: row[4],
          kind: row[5], severity: row[6], services: row[7]
        };
      });
    });
  }

  // ---------------------------------------------------------------- highlighting

  function matcher(r) {
    var exact = new Set(r.matched);
    var prefixes = r.prefixes;
    return function (t) {
      if (exact.has(t)) {
        return true;
      }
      for (var i = 0; i < prefixes.length; i++) {
        if (t.startsWith(prefixes[i])) {
          return true;
        }
      }
      return false;
    };
  }

  /** Appends text to parent, with the words the query matched in <mark> elements. */
  function highlight(parent, text, matches) {
    var ranges = [];
    compounds(text).forEach(function (c) {
      if (c.whole && matches(c.whole.term)) {
        ranges.push([c.start, c.end]);
        return;
      }
      c.parts.forEach(function (p) {
        if (matches(p.term)) {
          ranges.push([p.start, p.end]);
        }
      });
    });
    ranges.sort(function (x, y) { return x[0] - y[0] || y[1] - x[1]; });
    var at = 0;
    ranges.forEach(function (r) {
      if (r[0] < at) {
        return;
      }
      if (r[0] > at) {
        parent.appendChild(document.createTextNode(text.substring(at, r[0])));
      }
      var mark = document.createElement('mark');
      mark.textContent = text.substring(r[0], r[1]);
      parent.appendChild(mark);
      at = r[1];
    });
    if (at < text.length) {
      parent.appendChild(document.createTextNode(text.substring(at)));
    }
  }

  // ---------------------------------------------------------------- user interface

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) {
      e.className = cls;
    }
    if (text) {
      e.textContent = text;
    }
    return e;
  }

  var optionIds = 0;

  /**
   * One result. In the dropdown (compact) it is an option of a listbox, which may not contain links:
   * the whole option is clicked or chosen with Enter. On the results page it is a list item with a
   * real link, which the arrow keys focus.
   */
  function resultItem(d, matches, compact) {
    var li = el('li', 'hs-result');
    li.dataset.url = d.url;
    var title;
    if (compact) {
      li.id = 'hs-option-' + (++optionIds);
      li.setAttribute('role', 'option');
      li.setAttribute('aria-selected', 'false');
      title = el('span', 'hs-title');
      li.addEventListener('click', function () {
        window.location.href = d.url;
      });
    } else {
      title = el('a', 'hs-title');
      title.href = d.url;
    }
    highlight(title, d.title, matches);
    li.appendChild(title);
    var info = el('div', 'hs-info');
    info.appendChild(el('span', 'hs-kind', d.kind));
    if (d.id && d.kind === 'postmortem') {
      info.appendChild(el('code', 'hs-id', d.id));
    }
    if (d.severity) {
      info.appendChild(el('span', 'hs-severity hs-' + d.severity.toLowerCase(), d.severity));
    }
    if (d.services.length) {
      info.appendChild(el('span', 'hs-services', d.services.join(', ')));
    }
    if (d.date && !compact) {
      info.appendChild(el('span', 'hs-date', d.date));
    }
    li.appendChild(info);
    if (d.snippet && !compact) {
      var p = el('p', 'hs-snippet');
      highlight(p, d.snippet, matches);
      li.appendChild(p);
    }
    return li;
  }

  /** The header dropdown as a combobox: arrow keys, Enter and Escape on the box drive the listbox. */
  function Listbox(input, list, onEscape) {
    this.input = input;
    this.list = list;
    this.active = -1;
    var self = this;
    input.setAttribute('role', 'combobox');
    input.setAttribute('aria-autocomplete', 'list');
    input.setAttribute('aria-controls', list.id);
    input.setAttribute('aria-expanded', 'false');
    list.setAttribute('role', 'listbox');
    input.addEventListener('keydown', function (e) {
      var items = self.items();
      if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
        if (!items.length) {
          return;
        }
        e.preventDefault();
        self.select(e.key === 'ArrowDown' ? Math.min(self.active + 1, items.length - 1) : Math.max(self.active - 1, -1));
      } else if (e.key === 'Enter' && self.active >= 0 && items[self.active]) {
        e.preventDefault();
        window.location.href = items[self.active].dataset.url;
      } else if (e.key === 'Escape' && onEscape) {
        onEscape();
      }
    });
    list.addEventListener('mousedown', function (e) {
      // Keep the focus in the box so a click follows the link instead of closing the dropdown first.
      e.preventDefault();
    });
  }

  Listbox.prototype.items = function () {
    return Array.prototype.slice.call(this.list.querySelectorAll('[role=option]'));
  };

  /** Selects item i; -1 returns to the box. */
  Listbox.prototype.select = function (i) {
    var items = this.items();
    this.active = i;
    items.forEach(function (item, k) {
      item.setAttribute('aria-selected', k === i ? 'true' : 'false');
      item.classList.toggle('hs-active', k === i);
    });
    if (i >= 0) {
      this.input.setAttribute('aria-activedescendant', items[i].id);
      items[i].scrollIntoView({ block: 'nearest' });
    } else {
      this.input.removeAttribute('aria-activedescendant');
    }
  };

  Listbox.prototype.reset = function () {
    this.active = -1;
    this.input.removeAttribute('aria-activedescendant');
  };

  /** On the results page: Down from the box focuses the first result's link, Up and Down move between them. */
  function arrowKeysThroughLinks(input, list) {
    function links() {
      return Array.prototype.slice.call(list.querySelectorAll('a.hs-title'));
    }
    input.addEventListener('keydown', function (e) {
      var all = links();
      if (e.key === 'ArrowDown' && all.length) {
        e.preventDefault();
        all[0].focus();
      }
    });
    list.addEventListener('keydown', function (e) {
      var all = links();
      var i = all.indexOf(document.activeElement);
      if (i < 0 || (e.key !== 'ArrowDown' && e.key !== 'ArrowUp')) {
        return;
      }
      e.preventDefault();
      if (e.key === 'ArrowDown') {
        all[Math.min(i + 1, all.length - 1)].focus();
      } else if (i === 0) {
        input.focus();
      } else {
        all[i - 1].focus();
      }
    });
  }

  function debounce(fn, ms) {
    var timer = null;
    return function () {
      clearTimeout(timer);
      timer = setTimeout(fn, ms);
    };
  }

  function addStylesheet() {
    if (document.querySelector('link[data-hindsight-search]')) {
      return;
    }
    var link = document.createElement('link');
    link.rel = 'stylesheet';
    link.href = ROOT + 'assets/search.css';
    link.setAttribute('data-hindsight-search', '');
    document.head.appendChild(link);
  }

  /** The type-ahead dropdown under a search box (the header's, on every page). */
  function setUpDropdown(input, n) {
    var form = input.form || input.parentNode;
    form.classList.add('hs-form');
    var box = el('div', 'hs-dropdown');
    box.hidden = true;
    var list = el('ul', 'hs-list');
    list.id = n === 0 ? 'hs-dropdown-list' : 'hs-dropdown-list-' + n;
    list.setAttribute('aria-label', 'Search suggestions');
    box.appendChild(list);
    var footer = el('a', 'hs-all');
    box.appendChild(footer);
    form.appendChild(box);
    input.setAttribute('autocomplete', 'off');
    var listbox = new Listbox(input, list, close);
    var seq = 0;

    /** Opens towards the side of the window with room: the box may sit left or right in the header. */
    function place() {
      var r = form.getBoundingClientRect();
      var fitsRight = r.left + box.offsetWidth <= document.documentElement.clientWidth;
      box.style.left = fitsRight ? '0' : 'auto';
      box.style.right = fitsRight ? 'auto' : '0';
    }

    function close() {
      box.hidden = true;
      input.setAttribute('aria-expanded', 'false');
      listbox.reset();
    }

    var update = debounce(function () {
      var q = input.value;
      var mine = ++seq;
      if (!q.trim()) {
        close();
        return;
      }
      runQuery(q, {}, false).then(function (r) {
        var top = r.top(DROPDOWN_SIZE);
        return documents(top).then(function (docs) {
          if (mine !== seq) {
            return;
          }
          var m = matcher(r);
          list.replaceChildren();
          docs.forEach(function (d) { list.appendChild(resultItem(d, m, true)); });
          if (!docs.length) {
            list.appendChild(el('li', 'hs-empty', 'No results'));
          }
          footer.textContent = r.matches.length > top.length
            ? 'All ' + r.matches.length + ' results \u2192' : 'Open the search page \u2192';
          footer.href = ROOT + 'search/index.html?q=' + encodeURIComponent(q);
          box.hidden = false;
          place();
          input.setAttribute('aria-expanded', 'true');
          listbox.reset();
          list.dataset.query = q;
        });
      }).catch(function (e) {
        if (mine === seq) {
          list.replaceChildren(el('li', 'hs-empty', e.message));
          box.hidden = false;
        }
      });
    }, 40);

    input.addEventListener('input', update);
    input.addEventListener('focus', function () {
      loadMeta().catch(function () {});
      if (input.value.trim()) {
        update();
      }
    });
    input.addEventListener('blur', function () {
      setTimeout(close, 150);
    });
  }

  /** The results page (search/index.html): results, facets, a shareable ?q= address. */
  function setUpPage(app) {
    var input = app.querySelector('#search-page-input');
    var list = app.querySelector('#search-results');
    var facetsBox = app.querySelector('#search-facets');
    var status = app.querySelector('#search-status');
    var more = app.querySelector('#search-more');
    var params = new URLSearchParams(window.location.search);
    var filters = { kind: params.getAll('kind'), service: params.getAll('service'), severity: params.getAll('severity') };
    input.value = params.get('q') || '';
    arrowKeysThroughLinks(input, list);
    var shown = PAGE_SIZE;
    var seq = 0;
    var lastFacets = [];
    var expanded = new Set();

    app.querySelector('form').addEventListener('submit', function (e) {
      e.preventDefault();
    });

    function remember() {
      var p = new URLSearchParams();
      if (input.value) {
        p.set('q', input.value);
      }
      Object.keys(filters).forEach(function (k) {
        filters[k].forEach(function (v) { p.append(k, v); });
      });
      var qs = p.toString();
      try {
        history.replaceState(null, '', qs ? '?' + qs : window.location.pathname);
      } catch (ignored) {
        // Some browsers refuse to change a file:// address; the results are right all the same.
      }
    }

    function run(keepShown) {
      var mine = ++seq;
      if (!keepShown) {
        shown = PAGE_SIZE;
      }
      if (!input.value.trim()) {
        remember();
        list.replaceChildren();
        facetsBox.replaceChildren();
        status.textContent = 'Type to search postmortems, runbooks and everything else.';
        more.hidden = true;
        list.dataset.query = '';
        return Promise.resolve();
      }
      var q = input.value;
      var running = runQuery(q, filters, true);
      // Once the query's first files are requested (a microtask that runQuery queued): replacing the
      // address costs a few milliseconds, which need not come before them.
      Promise.resolve().then(remember);
      return running.then(function (r) {
        var rows = documents(r.top(shown));
        return Promise.all([rows, r.facets()]).then(function (loaded) {
          var docs = loaded[0];
          if (mine !== seq) {
            return;
          }
          var m = matcher(r);
          list.replaceChildren();
          docs.forEach(function (d) { list.appendChild(resultItem(d, m, false)); });
          var n = r.matches.length;
          status.textContent = (n === 0 ? 'No results' : n === 1 ? '1 result' : n + ' results')
            + (r.partial && n ? ' matching some of the words' : '');
          more.hidden = n <= shown;
          lastFacets = loaded[1];
          renderFacets();
          list.dataset.query = q;
        });
      }).catch(function (e) {
        if (mine === seq) {
          status.textContent = e.message;
        }
      });
    }

    function prefetch() {
      loadMeta().then(loadFacets).catch(function () {});
    }

    /**
     * The facets of the last results: the values that have results or are selected, in value order;
     * when a facet has more than FACET_SIZE of them (services), the FACET_SIZE with most results and
     * the selected ones, most results first, and a button that shows them all.
     */
    function renderFacets() {
      facetsBox.replaceChildren();
      lastFacets.forEach(function (f) {
        var selected = filters[f.name] || [];
        var shownValues = [];
        f.values.forEach(function (v, i) {
          if (f.counts[i] > 0 || selected.indexOf(v) >= 0) {
            shownValues.push(i);
          }
        });
        if (!shownValues.length) {
          return;
        }
        var hidden = 0;
        if (shownValues.length > FACET_SIZE) {
          shownValues.sort(function (x, y) { return f.counts[y] - f.counts[x] || x - y; });
          if (!expanded.has(f.name)) {
            var top = shownValues.slice(0, FACET_SIZE);
            shownValues.slice(FACET_SIZE).forEach(function (i) {
              if (selected.indexOf(f.values[i]) >= 0) {
                top.push(i);
              }
            });
            hidden = shownValues.length - top.length;
            shownValues = top;
          }
        }
        var set = el('fieldset', 'hs-facet');
        set.dataset.facet = f.name;
        set.appendChild(el('legend', null, f.name.charAt(0).toUpperCase() + f.name.slice(1)));
        shownValues.forEach(function (i) {
          var v = f.values[i];
          var label = el('label', 'hs-facet-value');
          var box = document.createElement('input');
          box.type = 'checkbox';
          box.name = f.name;
          box.value = v;
          box.checked = selected.indexOf(v) >= 0;
          box.addEventListener('change', function () {
            var list = filters[f.name] || (filters[f.name] = []);
            if (box.checked) {
              list.push(v);
            } else {
              list.splice(list.indexOf(v), 1);
            }
            run(false);
          });
          label.appendChild(box);
          label.appendChild(document.createTextNode(' ' + v + ' '));
          label.appendChild(el('span', 'hs-count', String(f.counts[i])));
          set.appendChild(label);
        });
        if (hidden) {
          var all = el('button', 'hs-facet-more', 'Show ' + hidden + ' more');
          all.type = 'button';
          all.addEventListener('click', function () {
            expanded.add(f.name);
            renderFacets();
          });
          set.appendChild(all);
        }
        facetsBox.appendChild(set);
      });
    }

    more.addEventListener('click', function () {
      shown += PAGE_SIZE;
      run(true);
    });
    input.addEventListener('input', debounce(function () { run(false); }, 40));
    // Whoever has this page open is about to search: fetch what every query here needs (the
    // metadata and the facets, about 50 KB at 10k documents) while they type.
    input.addEventListener('focus', prefetch);
    if (!input.value) {
      input.focus();
      prefetch();
    }
    run(false);
  }

  /** "/" focuses the search box from anywhere except while typing in a field. */
  function setUpSlash() {
    document.addEventListener('keydown', function (e) {
      if (e.key !== '/' || e.ctrlKey || e.metaKey || e.altKey || e.defaultPrevented) {
        return;
      }
      var t = e.target;
      var tag = t && t.tagName ? t.tagName.toLowerCase() : '';
      if (tag === 'input' || tag === 'textarea' || tag === 'select' || (t && t.isContentEditable)) {
        return;
      }
      var box = document.getElementById('search-page-input') || document.getElementById('search-input');
      if (box) {
        e.preventDefault();
        box.focus();
        box.select();
      }
    });
  }

  function start() {
    addStylesheet();
    var app = document.getElementById('search-app');
    var boxes = document.querySelectorAll('form[role=search] input[name=q]');
    var n = 0;
    Array.prototype.forEach.call(boxes, function (box) {
      if (box.id !== 'search-page-input') {
        setUpDropdown(box, n++);
      }
    });
    if (app) {
      setUpPage(app);
    }
    setUpSlash();
  }

  window.__hindsightSearch = {
    shard: shard,
    tokenize: tokenize,
    /** For tests and tools: the ranked results of a query, and the index files loaded so far. */
    search: function (q, filters) {
      return runQuery(q, filters || {}, true).then(function (r) {
        var rows = documents(r.top(PAGE_SIZE));
        return Promise.all([rows, r.facets()]).then(function (loaded) {
          var docs = loaded[0];
          return {
            total: r.matches.length,
            partial: r.partial,
            results: docs.map(function (d) {
              return { id: d.id, title: d.title, url: d.url, kind: d.kind, score: r.total[d.doc] };
            }),
            facets: loaded[1].map(function (f) {
              var counts = {};
              f.values.forEach(function (v, i) {
                if (f.counts[i]) {
                  counts[v] = f.counts[i];
                }
              });
              return { name: f.name, counts: counts };
            }),
            loaded: requested.slice()
          };
        });
      });
    },
    loaded: function () {
      return requested.slice();
    }
  };

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
})();
