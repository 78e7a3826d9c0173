/*
 * Hindsight search, part 4 of 4: the header box's dropdown, the results page and the "/" key.
 *
 * Untrusted text (titles, snippets) only ever reaches the page as text nodes.
 *
 * On the results page, once the metadata and the facets are in, the code of a query runs once on made-up data
 * in idle time (warmUpWhenIdle), so that the first query does not wait for it to be compiled; the address is
 * updated after the results are shown.
 */
(function () {
  'use strict';

  var script = document.currentScript;
  var ns = window.__hindsightSearch = window.__hindsightSearch || {};
  if (!script || !ns.rank || ns.search) {
    return;
  }
  var ROOT = new URL('../', script.src).href;
  var PAGE_SIZE = 10;
  var DROPDOWN_SIZE = 6;
  var FACET_SIZE = 10;
  var compounds = ns.tokenizer.compounds;
  var loadMeta = ns.index.loadMeta;
  var loadFacets = ns.index.loadFacets;
  var documents = ns.index.documents;
  var sectionTexts = ns.index.sectionTexts;
  var SNIPPET_CHARS = 180;
  var runQuery = ns.rank.runQuery;

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

  /** [start, end, term] of every matched word of text, in text order. */
  function matchRanges(text, matches) {
    var ranges = [];
    compounds(text).forEach(function (c) {
      if (c.whole && matches(c.whole.term)) {
        ranges.push([c.start, c.end, c.whole.term]);
        return;
      }
      c.parts.forEach(function (p) {
        if (matches(p.term)) {
          ranges.push([p.start, p.end, p.term]);
        }
      });
    });
    return ranges;
  }

  /**
   * The section of a document whose opening text (or heading) holds most of the matched words
   * (distinct first, then occurrences); null when none does.
   */
  function bestSection(sections, matches) {
    var best = null;
    var bestScore = 0;
    sections.forEach(function (s) {
      var ranges = matchRanges(s.heading + ' ' + s.text, matches);
      var distinct = new Set(ranges.map(function (r) { return r[2]; }));
      var score = distinct.size * 1000 + ranges.length;
      if (score > bestScore) {
        bestScore = score;
        best = s;
      }
    });
    return best;
  }

  /**
   * About SNIPPET_CHARS of text around its matched words: the window that holds most distinct
   * matched words, starting a little before the first of them, cut at spaces, with ellipses.
   */
  function snippetAround(text, matches) {
    var ranges = matchRanges(text, matches);
    if (!ranges.length || text.length <= SNIPPET_CHARS) {
      return ranges.length ? text : null;
    }
    var bestFrom = 0;
    var bestCount = -1;
    for (var i = 0; i < ranges.length; i++) {
      var terms = new Set();
      for (var j = i; j < ranges.length && ranges[j][1] - ranges[i][0] <= SNIPPET_CHARS - 40; j++) {
        terms.add(ranges[j][2]);
      }
      if (terms.size > bestCount) {
        bestCount = terms.size;
        bestFrom = ranges[i][0];
      }
    }
    var start = Math.max(0, bestFrom - 40);
    if (start > 0) {
      var space = text.indexOf(' ', start);
      start = space >= 0 && space < bestFrom ? space + 1 : bestFrom;
    }
    var end = Math.min(text.length, start + SNIPPET_CHARS);
    if (end < text.length) {
      var cut = text.lastIndexOf(' ', end);
      end = cut > bestFrom ? cut : end;
    }
    return (start > 0 ? '\u2026' : '') + text.substring(start, end).trim() + (end < text.length ? '\u2026' : '');
  }

  /**
   * Once the shown results are in the DOM, from the section texts their rows carry: each result's snippet becomes the text
   * around its matched words in its best section, and its link opens that section (#anchor), where
   * the page marks the words (findOnPage). Results without section texts keep their lead.
   */
  function showSections(list, docs, matches, r, current) {
    // In a task of its own: the results are in the DOM (and can be painted) before their snippets are refined.
    return new Promise(function (resolve) {
      setTimeout(resolve, 0);
    }).then(function () {
      return sectionTexts(docs);
    }).then(function (all) {
      if (!current()) {
        return;
      }
      docs.forEach(function (d, k) {
        var li = list.querySelector('li.hs-result[data-doc="' + d.doc + '"]');
        var s = li && bestSection(all[k], matches);
        if (!s) {
          return;
        }
        var text = snippetAround(s.text, matches);
        if (text) {
          var p = li.querySelector('.hs-snippet') || li.appendChild(el('p', 'hs-snippet'));
          p.replaceChildren();
          highlight(p, text, matches);
        }
        if (s.anchor) {
          var url = withWords(d.url + '#' + encodeURIComponent(s.anchor), r);
          li.dataset.url = url;
          li.dataset.section = s.anchor;
          li.querySelector('a.hs-title').href = url;
          var where = el('span', 'hs-where', '\u00a7\u00a0' + s.heading);
          where.title = 'Opens at the section ' + s.heading;
          li.querySelector('.hs-info').prepend(where);
        }
      });
    });
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
  /**
   * The page's address with the words to find on it: ?h=word+word+prefix* (the terms the query
   * matched; a trailing * marks a word still being typed). The page scrolls to the best place and
   * marks them (findOnPage below). A query string, not #:~:text=, so it works from file:// too.
   */
  function withWords(url, r) {
    var words = [];
    r.matched.forEach(function (t) {
      if (words.indexOf(t) < 0) {
        words.push(t);
      }
    });
    r.prefixes.forEach(function (p) {
      if (words.indexOf(p + '*') < 0) {
        words.push(p + '*');
      }
    });
    if (!words.length) {
      return url;
    }
    var hash = url.indexOf('#');
    var base = hash < 0 ? url : url.substring(0, hash);
    return base + (base.indexOf('?') < 0 ? '?' : '&') + 'h=' + encodeURIComponent(words.join(' '))
        + (hash < 0 ? '' : url.substring(hash));
  }

  function resultItem(d, matches, compact, r) {
    var url = r ? withWords(d.url, r) : d.url;
    var li = el('li', 'hs-result');
    li.dataset.url = url;
    li.dataset.doc = String(d.doc);
    var title;
    if (compact) {
      li.id = 'hs-option-' + (++optionIds);
      li.setAttribute('role', 'option');
      li.setAttribute('aria-selected', 'false');
      title = el('span', 'hs-title');
      li.addEventListener('click', function () {
        window.location.href = url;
      });
    } else {
      title = el('a', 'hs-title');
      title.href = url;
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
          docs.forEach(function (d) { list.appendChild(resultItem(d, m, true, r)); });
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
    var filtersBox = app.querySelector('.search-filters');
    if (filtersBox && window.matchMedia && window.matchMedia('(min-width: 50rem)').matches) {
      // Beside the results on wide screens: open (the stylesheet shows it there without a script too).
      filtersBox.open = true;
    }
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
      // Replacing the address costs several milliseconds of the main thread (more on a busy machine): in a task
      // of its own once the results are shown (or the query failed), so that it delays neither the query's
      // files nor the results.
      var remembered = false;
      var rememberLater = function () {
        if (!remembered) {
          remembered = true;
          setTimeout(function () {
            if (mine === seq) {
              remember();
            }
          }, 0);
        }
      };
      return runQuery(q, filters, true).then(function (r) {
        var rows = documents(r.top(shown));
        return Promise.all([rows, r.facets()]).then(function (loaded) {
          var docs = loaded[0];
          if (mine !== seq) {
            return;
          }
          var m = matcher(r);
          // Built apart and put in at once.
          var items = document.createDocumentFragment();
          docs.forEach(function (d) { items.appendChild(resultItem(d, m, false, r)); });
          list.replaceChildren(items);
          showSections(list, docs, m, r, function () { return mine === seq; }).then(function () {
            if (mine === seq) {
              list.dataset.sections = q;
            }
          }).catch(function () {
            // Without them the results keep their leads and open at the top, still marked.
          });
          var n = r.matches.length;
          status.textContent = (n === 0 ? 'No results' : n === 1 ? '1 result' : n + ' results')
            + (r.partial && n ? ' matching some of the words' : '');
          more.hidden = n <= shown;
          lastFacets = loaded[1];
          renderFacets();
          list.dataset.query = q;
          rememberLater();
        });
      }).catch(function (e) {
        if (mine === seq) {
          status.textContent = e.message;
        }
      }).then(rememberLater);
    }

    function prefetch() {
      loadMeta().then(loadFacets).then(warmUpWhenIdle).catch(function () {});
    }

    var warmed = false;

    /**
     * Once, when the page has nothing else to do (the box waits for a word): runs the code of a query, from the
     * decoding to the result items and facets, on made-up data, apart from the page (ns.rank.warmUp says why).
     */
    function warmUpWhenIdle(facets) {
      if (warmed) {
        return;
      }
      warmed = true;
      var idle = function (fn) {
        if (window.requestIdleCallback) {
          window.requestIdleCallback(fn, { timeout: 1000 });
        } else {
          setTimeout(fn, 0);
        }
      };
      var quietly = function (fn) {
        return function () {
          try {
            fn();
          } catch (ignored) {
            // Only ever a head start: the first query runs the same code.
          }
        };
      };
      // In three idle tasks rather than one long one: a word typed meanwhile waits for one of them at most.
      idle(quietly(function () {
        var counts = ns.rank.warmUp(facets());
        idle(quietly(function () {
          var r = { matched: ['warm', 'erro'], prefixes: ['hi'] };
          var m = matcher(r);
          var items = document.createDocumentFragment();
          for (var i = 0; i < PAGE_SIZE; i++) {
            items.appendChild(resultItem({ doc: i, id: 'INC-2024-' + i, title: 'Warm-up: HighErrorRate on checkout-' + i,
              url: ROOT + 'warm/' + i + '/', date: '2026-01-01', kind: 'postmortem', severity: 'SEV2',
              services: ['checkout', 'payments'], snippet: 'The p99 latency of the warm-up went up; pg_stat_activity showed'
              + ' waiting connections, then the pods were OOMKilled and high error rates followed.' }, m, false, r));
          }
          idle(quietly(function () {
            facetSets(counts);
          }));
        }));
      }));
    }

    /**
     * The facets of the last results: the values that have results or are selected, in value order;
     * when a facet has more than FACET_SIZE of them (services), the FACET_SIZE with most results and
     * the selected ones, most results first, and a button that shows them all.
     */
    function renderFacets() {
      facetsBox.replaceChildren(facetSets(lastFacets));
    }

    /** The fieldsets of renderFacets, in a fragment. */
    function facetSets(facetList) {
      var sets = document.createDocumentFragment();
      facetList.forEach(function (f) {
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
        sets.appendChild(set);
      });
      return sets;
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

  // ---------------------------------------------------------------- the words on the page opened

  /**
   * On a page opened from a result (?h=…): marks the words in the page's main text and scrolls to
   * the best place, the longest run of adjacent matched words (a phrase), else the section with most
   * of the words. Text only: the page's own nodes are split around <mark> elements, nothing parsed.
   */
  function findOnPage() {
    var h;
    try {
      h = new URLSearchParams(window.location.search).get('h');
    } catch (ignored) {
      return;
    }
    var scope = document.querySelector('.doc-body') || document.getElementById('main');
    if (!h || !scope || document.getElementById('search-app')) {
      return;
    }
    var exact = new Set();
    var prefixes = [];
    h.split(/\s+/).forEach(function (w) {
      if (/\*$/.test(w) && w.length > 1) {
        prefixes.push(w.slice(0, -1));
      } else if (w) {
        exact.add(w);
      }
    });
    var matches = function (t) {
      return exact.has(t) || prefixes.some(function (p) { return t.startsWith(p); });
    };
    var walker = document.createTreeWalker(scope, NodeFilter.SHOW_TEXT, {
      acceptNode: function (n) {
        var p = n.parentNode;
        return p && p.closest('script, style, button, .copy-button') ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT;
      }
    });
    var nodes = [];
    for (var n = walker.nextNode(); n; n = walker.nextNode()) {
      if (n.nodeValue.trim()) {
        nodes.push(n);
      }
    }
    var found = [];
    nodes.forEach(function (node) {
      var text = node.nodeValue;
      var ranges = [];
      compounds(text).forEach(function (c) {
        if (c.whole && matches(c.whole.term)) {
          ranges.push([c.start, c.end, c.whole.term]);
          return;
        }
        c.parts.forEach(function (p) {
          if (matches(p.term)) {
            ranges.push([p.start, p.end, p.term]);
          }
        });
      });
      if (!ranges.length) {
        return;
      }
      var parent = node.parentNode;
      var at = 0;
      var frag = document.createDocumentFragment();
      var previous = null;
      ranges.forEach(function (r) {
        if (r[0] < at) {
          return;
        }
        var gap = text.substring(at, r[0]);
        if (gap) {
          frag.appendChild(document.createTextNode(gap));
        }
        var mark = document.createElement('mark');
        mark.className = 'hs-found';
        mark.textContent = text.substring(r[0], r[1]);
        frag.appendChild(mark);
        // Adjacent when only spaces and punctuation separate it from the previous word found.
        var entry = { mark: mark, term: r[2], next: previous !== null && /^[\s\-_.,:;/'"()]{0,3}$/.test(gap) };
        found.push(entry);
        previous = entry;
        at = r[1];
      });
      if (at < text.length) {
        frag.appendChild(document.createTextNode(text.substring(at)));
      }
      parent.replaceChild(frag, node);
    });
    if (!found.length) {
      return;
    }
    // The best run: most distinct words in a row, then the most distinct words in its section.
    var headings = Array.prototype.slice.call(scope.querySelectorAll('h2, h3, h4'));
    function sectionOf(mark) {
      var s = -1;
      headings.forEach(function (hd, i) {
        if (hd.compareDocumentPosition(mark) & Node.DOCUMENT_POSITION_FOLLOWING) {
          s = i;
        }
      });
      return s;
    }
    var perSection = {};
    found.forEach(function (f) {
      f.section = sectionOf(f.mark);
      (perSection[f.section] = perSection[f.section] || new Set()).add(f.term);
    });
    // Opened at a section (#anchor of a heading): the best run inside it.
    var sectionHeading = -1;
    try {
      var targetEl = window.location.hash && document.getElementById(decodeURIComponent(window.location.hash.slice(1)));
      sectionHeading = targetEl ? headings.indexOf(targetEl) : -1;
    } catch (ignored) {
      sectionHeading = -1;
    }
    var sectionEnd = headings.length;
    if (sectionHeading >= 0) {
      var level = Number(headings[sectionHeading].tagName.charAt(1));
      for (var e = sectionHeading + 1; e < headings.length; e++) {
        if (Number(headings[e].tagName.charAt(1)) <= level) {
          sectionEnd = e;
          break;
        }
      }
    }
    var best = null;
    var bestScore = -1;
    for (var i = 0; i < found.length; i++) {
      var run = new Set([found[i].term]);
      var j = i + 1;
      while (j < found.length && found[j].next) {
        run.add(found[j].term);
        j++;
      }
      var inSection = sectionHeading >= 0 && found[i].section >= sectionHeading && found[i].section < sectionEnd;
      var score = (inSection ? 1000000 : 0) + run.size * 1000 + perSection[found[i].section].size;
      if (score > bestScore) {
        bestScore = score;
        best = { from: i, to: j };
      }
    }
    found.forEach(function (f, k) {
      if (k >= best.from && k < best.to) {
        f.mark.classList.add('hs-found-best');
      } else if (f.term.length < 4) {
        // Short words ("the", "of") are marked only where they are part of the best run.
        f.mark.replaceWith(document.createTextNode(f.mark.textContent));
      }
    });
    var target = found[best.from].mark;
    var scroll = function () {
      target.scrollIntoView({ block: 'center' });
    };
    scroll();
    // Again once images and fonts have their sizes.
    window.addEventListener('load', scroll);
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
    findOnPage();
  }

  /** For tests and tools: the ranked results of a query, and the index files loaded so far. */
  ns.search = function (q, filters) {
    return runQuery(q, filters || {}, true).then(function (r) {
      var rows = documents(r.top(PAGE_SIZE));
      var sections = rows.then(sectionTexts);
      return Promise.all([rows, r.facets(), sections]).then(function (loaded) {
        var docs = loaded[0];
        var m = matcher(r);
        return {
          total: r.matches.length,
          partial: r.partial,
          results: docs.map(function (d) {
            var best = bestSection(loaded[2][docs.indexOf(d)], m);
            return { id: d.id, title: d.title, url: d.url, kind: d.kind, score: r.total[d.doc],
              section: best ? best.anchor : null, snippet: best ? snippetAround(best.text, m) : null };
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
          loaded: ns.loaded()
        };
      });
    });
  };

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
})();
