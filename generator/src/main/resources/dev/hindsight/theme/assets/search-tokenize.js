/*
 * Hindsight search, part 1 of 4: the tokenizer, a line-for-line twin of dev.hindsight.search.Tokenizer
 * (SearchUiTest checks it against the Java one). The parts share one object, window.__hindsightSearch,
 * and are classic scripts loaded in order (search-tokenize, search-index, search-rank, search-ui), so
 * search works from file:// as well as over HTTP.
 */
(function () {
  'use strict';

  var ns = window.__hindsightSearch = window.__hindsightSearch || {};
  if (ns.tokenizer) {
    return;
  }

  var WORD = /[\p{L}\p{M}\p{N}]/u;
  var UPPER = /\p{Lu}/u;
  var LOWER = /\p{Ll}/u;
  var DIGIT = /\p{Nd}/u;
  var LOWER_ASCII = /^[a-z0-9]*$/;
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

  /** typeOf of the code point cp; ASCII without making a string. */
  function typeOfCode(cp) {
    if (cp < 128) {
      return cp >= 65 && cp <= 90 ? 'U' : cp >= 97 && cp <= 122 ? 'L' : cp >= 48 && cp <= 57 ? 'D' : 'O';
    }
    return typeOf(String.fromCodePoint(cp));
  }

  /** Camel-case parts of a piece as [start, end) offsets into it; one-unit parts join a neighbour. */
  function camelParts(piece) {
    if (LOWER_ASCII.test(piece)) {
      return [[0, piece.length]]; // no capital, so no boundary (most words)
    }
    var bounds = [];
    var segStart = 0;
    var prev = '';
    for (var i = 0; i < piece.length;) {
      var cp = piece.codePointAt(i);
      var type = typeOfCode(cp);
      var nextIndex = i + (cp > 0xffff ? 2 : 1);
      var next = nextIndex < piece.length ? typeOfCode(piece.codePointAt(nextIndex)) : '';
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

  ns.tokenizer = { MIN_LENGTH: MIN_LENGTH, compounds: compounds, tokenize: tokenize };
  ns.tokenize = tokenize;
})();
