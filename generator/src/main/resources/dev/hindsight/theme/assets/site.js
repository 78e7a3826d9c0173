/* Hindsight: theme toggle, copy buttons on code blocks, postmortem filters. No dependencies, no network. */
(function () {
  'use strict';
  var KEY = 'hindsight-theme';

  function each(list, fn) {
    Array.prototype.forEach.call(list, fn);
  }

  // ---- theme ---------------------------------------------------------------------------------
  function currentTheme() {
    var chosen = document.documentElement.getAttribute('data-theme');
    if (chosen === 'dark' || chosen === 'light') {
      return chosen;
    }
    return window.matchMedia && window.matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
  }

  function setupThemeToggle() {
    var button = document.getElementById('theme-toggle');
    if (!button) {
      return;
    }
    var show = function () {
      button.setAttribute('aria-pressed', currentTheme() === 'dark' ? 'true' : 'false');
    };
    button.hidden = false;
    show();
    button.addEventListener('click', function () {
      var next = currentTheme() === 'dark' ? 'light' : 'dark';
      document.documentElement.setAttribute('data-theme', next);
      try {
        window.localStorage.setItem(KEY, next);
      } catch (e) {
        // Not stored (file:// or private mode): the choice lasts for this page only.
      }
      show();
    });
    if (window.matchMedia) {
      var query = window.matchMedia('(prefers-color-scheme: dark)');
      if (query.addEventListener) {
        query.addEventListener('change', show);
      }
    }
  }

  // ---- copy buttons --------------------------------------------------------------------------
  var status;

  function announce(text) {
    if (!status) {
      status = document.createElement('p');
      status.className = 'visually-hidden';
      status.setAttribute('role', 'status');
      document.body.appendChild(status);
    }
    status.textContent = text;
  }

  // The clipboard API needs a secure context and permission, which file:// pages may lack:
  // then a hidden textarea and execCommand('copy') do the same.
  function fallbackCopy(text, focusBack) {
    var area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.setAttribute('aria-hidden', 'true');
    area.tabIndex = -1;
    area.style.position = 'fixed';
    area.style.top = '0';
    area.style.left = '-9999px';
    area.style.opacity = '0';
    document.body.appendChild(area);
    area.select();
    var ok = false;
    try {
      ok = document.execCommand('copy');
    } catch (e) {
      ok = false;
    }
    document.body.removeChild(area);
    if (focusBack) {
      focusBack.focus();
    }
    return ok;
  }

  function copy(text, button, done) {
    if (navigator.clipboard && window.isSecureContext && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(text).then(function () {
        done(true);
      }, function () {
        done(fallbackCopy(text, button));
      });
    } else {
      done(fallbackCopy(text, button));
    }
  }

  function setupCopyButtons() {
    each(document.querySelectorAll('.doc-body pre'), function (pre) {
      var wrapper = document.createElement('div');
      wrapper.className = 'code-block';
      pre.parentNode.insertBefore(wrapper, pre);
      wrapper.appendChild(pre);
      var button = document.createElement('button');
      button.type = 'button';
      button.className = 'copy-button';
      button.textContent = 'Copy';
      button.setAttribute('aria-label', 'Copy code to clipboard');
      button.addEventListener('click', function () {
        var code = pre.querySelector('code') || pre;
        copy(code.textContent.replace(/\n$/, ''), button, function (ok) {
          button.textContent = ok ? 'Copied' : 'Copy failed';
          announce(ok ? 'Code copied to the clipboard' : 'Could not copy; select the code and copy it by hand');
          window.setTimeout(function () {
            button.textContent = 'Copy';
          }, 2000);
        });
      });
      // In a row of its own above the code, never over it (document page block below).
      wrapper.insertBefore(button, pre);
    });
  }

  // Scrolling regions must be reachable with the keyboard.
  function focusableScrollers() {
    each(document.querySelectorAll('pre, .table-wrap, .doc-body table'), function (el) {
      if (el.scrollWidth > el.clientWidth && !el.hasAttribute('tabindex')) {
        el.setAttribute('tabindex', '0');
      }
    });
  }

  // ---- list filters (postmortems, runbooks, action items) -----------------------------------
  // A form.filters[data-rows] filters the elements its selector names by their data-* attributes.
  // The choices live in the address (?severity=SEV-1&year=2025), so a filtered list can be shared and
  // Back undoes a change. A file:// page whose address the browser will not change keeps them in the
  // fragment instead (#severity=SEV-1), which every browser allows.
  function filterParams() {
    var p = new URLSearchParams(location.search);
    var hash = location.hash.slice(1);
    if (hash.indexOf('=') > 0) {
      new URLSearchParams(hash).forEach(function (v, k) {
        p.set(k, v);
      });
    }
    return p;
  }

  function setupFilters() {
    each(document.querySelectorAll('form.filters[data-rows]'), function (form) {
      var items = document.querySelectorAll(form.getAttribute('data-rows'));
      var selects = form.querySelectorAll('select[data-filter]');
      var count = form.querySelector('.filter-count');
      if (!items.length) {
        return;
      }
      var apply = function () {
        var shown = 0;
        each(items, function (item) {
          var visible = true;
          each(selects, function (select) {
            var wanted = select.value;
            if (!wanted) {
              return;
            }
            var key = select.getAttribute('data-filter');
            var value = item.getAttribute('data-' + key) || '';
            var match = key === 'services' ? value.split(' ').indexOf(wanted) >= 0 : value === wanted;
            visible = visible && match;
          });
          item.hidden = !visible;
          if (visible) {
            shown++;
          }
        });
        if (count) {
          count.textContent = 'Showing ' + shown + ' of ' + items.length;
        }
      };
      var read = function () {
        var p = filterParams();
        each(selects, function (select) {
          var v = p.get(select.name) || '';
          var known = Array.prototype.some.call(select.options, function (o) { return o.value === v; });
          select.value = known ? v : '';
        });
        apply();
      };
      var write = function () {
        var p = new URLSearchParams(location.search);
        each(selects, function (select) {
          if (select.value) {
            p.set(select.name, select.value);
          } else {
            p.delete(select.name);
          }
        });
        var qs = p.toString();
        var hash = location.hash.indexOf('=') > 0 ? '' : location.hash;
        try {
          history.pushState(null, '', location.pathname + (qs ? '?' + qs : '') + hash);
        } catch (refused) {
          var h = new URLSearchParams();
          each(selects, function (select) {
            if (select.value) {
              h.set(select.name, select.value);
            }
          });
          location.hash = h.toString();
        }
      };
      each(selects, function (select) {
        select.addEventListener('change', function () {
          apply();
          write();
        });
      });
      form.addEventListener('submit', function (e) {
        e.preventDefault();
      });
      window.addEventListener('popstate', read);
      window.addEventListener('hashchange', read);
      form.hidden = false;
      read();
    });
  }

  // Printed pages show the page history too.
  function openDetailsForPrint() {
    window.addEventListener('beforeprint', function () {
      each(document.querySelectorAll('details'), function (d) {
        d.setAttribute('open', '');
      });
    });
  }


  /* --- document page (TOC, permalinks, code blocks, tables) --- */
  var documentPage = (function () {
    var NARROW = '(max-width: 61.99rem)';
    var SHELL = /^(bash|sh|shell|zsh|console|shell-session)$/;

    // The table of contents is folded at the top on phones and open beside the content on wide screens.
    function openToc() {
      var toc = document.querySelector('details.toc');
      if (toc && window.matchMedia && !window.matchMedia(NARROW).matches) {
        toc.open = true;
      }
    }

    // The commands of a shell block: its lines, a line ending in a backslash joined with the next,
    // without blank lines and comments. Each with the character offset where it starts.
    function commands(text) {
      var lines = text.replace(/\n$/, '').split('\n');
      var out = [];
      var current = null;
      var offset = 0;
      lines.forEach(function (line) {
        if (current) {
          current.text += '\n' + line;
        } else if (line.trim() !== '' && line.trim().charAt(0) !== '#') {
          current = { text: line, offset: offset };
        }
        if (current && !/\\\s*$/.test(line)) {
          out.push(current);
          current = null;
        }
        offset += line.length + 1;
      });
      if (current) {
        out.push(current);
      }
      return out;
    }

    function languageOf(code) {
      var m = /(?:^|\s)language-(\S+)/.exec(code.className || '');
      return m ? m[1].toLowerCase() : '';
    }

    // The top of the character at `offset` of `code`'s text, relative to `box`.
    function topOf(code, offset, box) {
      var walker = document.createTreeWalker(code, NodeFilter.SHOW_TEXT);
      var seen = 0;
      while (walker.nextNode()) {
        var node = walker.currentNode;
        if (offset < seen + node.length) {
          var range = document.createRange();
          range.setStart(node, offset - seen);
          range.setEnd(node, offset - seen + 1);
          var rects = range.getClientRects();
          var r = rects.length ? rects[0] : range.getBoundingClientRect();
          return { top: r.top - box.getBoundingClientRect().top, height: r.height };
        }
        seen += node.length;
      }
      return null;
    }

    // A block of several shell commands gets a gutter on its left with one copy button per command,
    // beside the command's first line (outside the code, so never over it).
    function perCommandCopy(copy, announce) {
      var placed = [];
      Array.prototype.forEach.call(document.querySelectorAll('.doc-body .code-block'), function (wrapper) {
        var pre = wrapper.querySelector('pre');
        var code = pre && pre.querySelector('code');
        if (!code || !SHELL.test(languageOf(code))) {
          return;
        }
        var list = commands(code.textContent);
        if (list.length < 2) {
          return;
        }
        var row = document.createElement('div');
        row.className = 'code-row';
        var gutter = document.createElement('div');
        gutter.className = 'command-gutter';
        wrapper.insertBefore(row, pre);
        row.appendChild(gutter);
        row.appendChild(pre);
        wrapper.classList.add('multi');
        list.forEach(function (command, n) {
          var b = document.createElement('button');
          b.type = 'button';
          b.className = 'command-copy';
          var shown = command.text.length > 60 ? command.text.slice(0, 57) + '...' : command.text;
          b.setAttribute('aria-label', 'Copy command ' + (n + 1) + ': ' + shown.replace(/\s+/g, ' '));
          b.title = 'Copy this command';
          b.addEventListener('click', function () {
            copy(command.text, b, function (ok) {
              b.classList.toggle('copied', ok);
              announce(ok ? 'Command copied to the clipboard' : 'Could not copy; select the command and copy it by hand');
              window.setTimeout(function () {
                b.classList.remove('copied');
              }, 2000);
            });
          });
          gutter.appendChild(b);
          placed.push({ button: b, code: code, offset: command.offset, gutter: gutter });
        });
      });
      // Beside its command's first line, wherever a narrow screen wraps the lines.
      var place = function () {
        placed.forEach(function (p) {
          var at = topOf(p.code, p.offset, p.gutter);
          if (at) {
            p.button.style.top = Math.max(0, at.top + (at.height - 22) / 2) + 'px';
          }
        });
      };
      place();
      if (placed.length) {
        window.addEventListener('resize', place);
      }
    }

    // A table wider than its box says so: a hint above it (the box also shows an edge shadow).
    function scrollHints() {
      Array.prototype.forEach.call(document.querySelectorAll('.table-wrap, .doc-body table'), function (el) {
        if (el.scrollWidth > el.clientWidth + 1 && !(el.previousElementSibling
            && el.previousElementSibling.className === 'scroll-hint')) {
          var hint = document.createElement('p');
          hint.className = 'scroll-hint';
          hint.setAttribute('aria-hidden', 'true');
          hint.textContent = 'Scroll sideways for more \u2192';
          el.parentNode.insertBefore(hint, el);
        }
      });
    }

    // The 404 page, reached for a mistyped or renamed alert (alerts/<Name>/), offers a search for the name.
    function notFoundSearch() {
      var box = document.getElementById('not-found-search');
      if (!box) {
        return;
      }
      var path = location.pathname.replace(/\/index\.html$/, '').replace(/\/+$/, '');
      var alert = /\/alerts\/([^\/]+)$/.exec(path);
      var segment = alert ? alert[1] : path.slice(path.lastIndexOf('/') + 1).replace(/\.html?$/, '');
      var words;
      try {
        words = decodeURIComponent(segment);
      } catch (e) {
        words = segment;
      }
      words = alert ? words : words.replace(/[-_]+/g, ' ');
      words = words.trim();
      var searchLink = document.querySelector('main a[href$="search/index.html"]');
      if (!words || !searchLink || words === '404') {
        return;
      }
      box.appendChild(document.createTextNode(alert ? 'No page for the alert ' : 'Looking for '));
      var name = document.createElement(alert ? 'code' : 'strong');
      name.textContent = words;
      box.appendChild(name);
      box.appendChild(document.createTextNode(alert ? '. It may have been renamed: ' : '? '));
      var a = document.createElement('a');
      a.id = 'not-found-search-link';
      a.href = searchLink.href + '?q=' + encodeURIComponent(words);
      a.textContent = 'search for \u201c' + words + '\u201d';
      box.appendChild(a);
      box.appendChild(document.createTextNode('.'));
      box.hidden = false;
    }

    // The browser scrolled to the address's #fragment while the page loaded; what the scripts above
    // added (the theme toggle, hints) may have moved it since, so it is brought back into view.
    function keepTargetInView() {
      if (/[?&]h=/.test(location.search)) {
        // Opened from a search result: search-ui.js scrolls to the words it marks in that section.
        return;
      }
      var id = location.hash.slice(1);
      var target = null;
      try {
        target = id && document.getElementById(decodeURIComponent(id));
      } catch (e) {
        target = null;
      }
      if (target && target.scrollIntoView) {
        target.scrollIntoView();
      }
    }

    return {
      start: function (copy, announce) {
        openToc();
        perCommandCopy(copy, announce);
        scrollHints();
        notFoundSearch();
        keepTargetInView();
      }
    };
  })();
  /* --- end document page --- */

  function start() {
    setupThemeToggle();
    setupCopyButtons();
    setupFilters();
    documentPage.start(copy, announce);
    focusableScrollers();
    openDetailsForPrint();
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
})();
