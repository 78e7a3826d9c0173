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
      wrapper.appendChild(button);
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

  // ---- postmortem filters --------------------------------------------------------------------
  function setupFilters() {
    var form = document.getElementById('postmortem-filters');
    var table = document.getElementById('postmortem-table');
    if (!form || !table || !table.tBodies.length) {
      return;
    }
    var selects = form.querySelectorAll('select[data-filter]');
    var rows = table.tBodies[0].rows;
    var count = document.getElementById('filter-count');
    var apply = function () {
      var shown = 0;
      each(rows, function (row) {
        var visible = true;
        each(selects, function (select) {
          var wanted = select.value;
          if (!wanted) {
            return;
          }
          var key = select.getAttribute('data-filter');
          var value = row.getAttribute('data-' + key) || '';
          var match = key === 'services' ? value.split(' ').indexOf(wanted) >= 0 : value === wanted;
          visible = visible && match;
        });
        row.hidden = !visible;
        if (visible) {
          shown++;
        }
      });
      if (count) {
        count.textContent = 'Showing ' + shown + ' of ' + rows.length;
      }
    };
    each(selects, function (select) {
      select.addEventListener('change', apply);
    });
    form.addEventListener('submit', function (e) {
      e.preventDefault();
    });
    form.hidden = false;
    apply();
  }

  // Printed pages show the page history too.
  function openDetailsForPrint() {
    window.addEventListener('beforeprint', function () {
      each(document.querySelectorAll('details'), function (d) {
        d.setAttribute('open', '');
      });
    });
  }

  function start() {
    setupThemeToggle();
    setupCopyButtons();
    setupFilters();
    focusableScrollers();
    openDetailsForPrint();
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
})();
