// Hindsight preview: reloads the page after a rebuild and shows build problems in an overlay,
// while the last good page stays visible. Served only by `hindsight serve`, never published.
(function () {
  'use strict';
  var overlay = null;

  function hide() {
    if (overlay) { overlay.remove(); overlay = null; }
  }

  function show(problems) {
    hide();
    if (!problems.length) { return; }
    overlay = document.createElement('div');
    overlay.id = 'hindsight-overlay';
    overlay.setAttribute('role', 'alert');
    overlay.style.cssText = 'position:fixed;left:0;right:0;bottom:0;max-height:45vh;overflow:auto;z-index:2147483647;'
      + 'background:#1b1f24;color:#f6f8fa;font:13px/1.5 ui-monospace,monospace;padding:12px 16px;'
      + 'border-top:4px solid #cf222e;box-shadow:0 -4px 16px rgba(0,0,0,.4)';
    var head = document.createElement('div');
    head.style.cssText = 'display:flex;justify-content:space-between;font-weight:bold;margin-bottom:6px';
    var title = document.createElement('span');
    title.textContent = 'Hindsight: ' + problems.length + ' problem' + (problems.length === 1 ? '' : 's')
      + ' (the page shows the last good build)';
    var close = document.createElement('button');
    close.type = 'button';
    close.textContent = 'Dismiss';
    close.addEventListener('click', hide);
    head.appendChild(title);
    head.appendChild(close);
    overlay.appendChild(head);
    problems.forEach(function (p) {
      var line = document.createElement('div');
      line.className = 'hindsight-problem';
      line.style.color = p.severity === 'error' ? '#ff8182' : '#f2cc60';
      line.textContent = p.file + ':' + p.line + ':' + p.column + ': ' + p.severity + '[' + p.rule + ']: ' + p.message;
      overlay.appendChild(line);
    });
    document.body.appendChild(overlay);
  }

  var source = new EventSource('/__hindsight/events');
  source.addEventListener('reload', function () { location.reload(); });
  source.addEventListener('diagnostics', function (e) {
    try { show(JSON.parse(e.data).filter(function (p) { return p.severity !== 'info'; })); } catch (err) { hide(); }
  });
})();
