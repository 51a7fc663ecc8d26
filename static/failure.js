// kafkascope: when the app fails, say so on the page instead of freezing.
// The release build aborts on a Rust panic; the app's panic hook calls
// `kafkascopeFailure.panic(message, place)` first (src/ui/failure.rs).
// Failures the hook never sees (a WebAssembly trap such as `unreachable`,
// running out of memory, the app failing to load) arrive here as `error` or
// `unhandledrejection` events. Either way: an overlay says what happened and
// offers to reload the scene or copy a report, the play button stops, and
// an embedding host hears `{ kafkascope: 1, type: 'error', message }`.
// Loaded before the app as a plain script (no inline code: see the page's
// Content-Security-Policy).
(function () {
  'use strict';
  var MAX_QUOTE = 200;
  var config = { version: '', replyOrigin: null };
  var shown = false;

  var TEXT = {
    en: {
      title: 'kafkascope stopped',
      body: 'Something went wrong inside the simulation and it cannot go on. Nothing was sent anywhere.',
      reload: 'Reload the scene',
      copy: 'Copy a report',
      copied: 'Report copied',
      report: 'Report',
    },
    ko: {
      title: 'kafkascope가 멈췄습니다',
      body: '시뮬레이션 안에서 문제가 생겨 더 진행할 수 없습니다. 어디에도 전송된 것은 없습니다.',
      reload: '장면 다시 불러오기',
      copy: '보고서 복사',
      copied: '보고서를 복사했습니다',
      report: '보고서',
    },
  };

  function clip(text, max) {
    text = String(text);
    return text.length <= max ? text : text.slice(0, max - 1) + '…';
  }

  // The page's address, its hash (a share link's whole state) cut short.
  function pageAddress() {
    var l = window.location;
    return clip(l.origin + l.pathname + l.search, 2 * MAX_QUOTE) + clip(l.hash, MAX_QUOTE);
  }

  function reportText(message, place) {
    return [
      'kafkascope ' + (config.version || '(version unknown: the app did not start)'),
      'what: ' + clip(message, MAX_QUOTE),
      'where: ' + clip(place || 'unknown', MAX_QUOTE),
      'page: ' + pageAddress(),
      'browser: ' + clip(navigator.userAgent, MAX_QUOTE),
      'time: ' + new Date().toISOString(),
    ].join('\n');
  }

  function stopPlayButtons() {
    var buttons = document.querySelectorAll('[data-testid="play"]');
    for (var i = 0; i < buttons.length; i++) {
      buttons[i].setAttribute('aria-pressed', 'false');
      buttons[i].disabled = true;
    }
  }

  function tellHost(message) {
    try {
      if (config.replyOrigin && window.parent && window.parent !== window) {
        window.parent.postMessage({ kafkascope: 1, type: 'error', message: clip(message, MAX_QUOTE) }, config.replyOrigin);
      }
    } catch (e) {
      // The host is gone or another origin: nothing more to do.
    }
  }

  function element(tag, className, text) {
    var el = document.createElement(tag);
    if (className) el.className = className;
    if (text !== undefined) el.textContent = text;
    return el;
  }

  function show(message, place) {
    if (shown) return;
    shown = true;
    // The app checks this and stops drawing (src/ui/failure.rs).
    window.kafkascopeFailure.failed = true;
    stopPlayButtons();
    tellHost(message);
    var lang = (document.documentElement.getAttribute('lang') || 'en').slice(0, 2) === 'ko' ? 'ko' : 'en';
    var t = TEXT[lang];
    var report = reportText(message, place);
    var overlay = element('div', 'failure');
    overlay.setAttribute('role', 'alertdialog');
    overlay.setAttribute('aria-modal', 'true');
    overlay.setAttribute('aria-labelledby', 'failure-title');
    overlay.setAttribute('data-testid', 'failure');
    var box = element('div', 'failure-box');
    var title = element('h2', '', t.title);
    title.id = 'failure-title';
    box.appendChild(title);
    box.appendChild(element('p', '', t.body));
    var what = element('p', 'failure-what');
    what.appendChild(element('code', '', clip(message, MAX_QUOTE)));
    box.appendChild(what);
    var buttons = element('div', 'failure-buttons');
    var reload = element('button', 'primary', t.reload);
    reload.type = 'button';
    reload.setAttribute('data-testid', 'failure-reload');
    reload.addEventListener('click', function () { window.location.reload(); });
    var copy = element('button', '', t.copy);
    copy.type = 'button';
    copy.setAttribute('data-testid', 'failure-copy');
    var text = element('textarea', 'failure-report');
    text.readOnly = true;
    text.rows = 6;
    text.value = report;
    text.setAttribute('aria-label', t.report);
    text.setAttribute('data-testid', 'failure-report');
    copy.addEventListener('click', function () {
      var done = function () { copy.textContent = t.copied; };
      var fallback = function () {
        text.select();
        try { document.execCommand('copy'); done(); } catch (e) { /* selected for the reader to copy */ }
      };
      if (navigator.clipboard && navigator.clipboard.writeText) {
        navigator.clipboard.writeText(report).then(done, fallback);
      } else {
        fallback();
      }
    });
    buttons.appendChild(reload);
    buttons.appendChild(copy);
    box.appendChild(buttons);
    box.appendChild(text);
    overlay.appendChild(box);
    (document.body || document.documentElement).appendChild(overlay);
    reload.focus();
  }

  // Is this error the app's? A WebAssembly trap, or an error thrown by the
  // page's own scripts (not by an extension or another origin).
  function appError(event) {
    var err = event.error;
    if (typeof WebAssembly !== 'undefined' && err instanceof WebAssembly.RuntimeError) return true;
    if (err instanceof RangeError && /memory/i.test(String(err.message))) return true;
    var file = event.filename || '';
    return file.indexOf(window.location.origin + '/') === 0;
  }

  window.addEventListener('error', function (event) {
    if (!appError(event)) return;
    var err = event.error;
    var message = err ? (err.name || 'Error') + ': ' + (err.message || String(err)) : String(event.message);
    var place = event.filename ? event.filename + ':' + event.lineno + ':' + event.colno : '';
    show(message, place);
  });

  window.addEventListener('unhandledrejection', function (event) {
    var reason = event.reason;
    var isTrap = typeof WebAssembly !== 'undefined' &&
      (reason instanceof WebAssembly.RuntimeError || reason instanceof WebAssembly.CompileError ||
       reason instanceof WebAssembly.LinkError);
    if (!isTrap && !(reason instanceof Error)) return;
    show((reason.name || 'Error') + ': ' + (reason.message || String(reason)), 'a promise');
  });

  window.kafkascopeFailure = {
    // Called by the app when it starts: its version, and where an embedding
    // host hears about a failure (null: nobody).
    configure: function (options) {
      config.version = String((options && options.version) || '');
      config.replyOrigin = (options && options.replyOrigin) || null;
    },
    // Called by the app's panic hook.
    panic: function (message, place) {
      if (window.console) console.error('kafkascope: ' + message + (place ? ' at ' + place : ''));
      show(message, place);
    },
  };
})();
