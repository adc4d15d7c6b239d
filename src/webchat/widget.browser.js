/*
 * The chat widget on a shop's pages: a launcher button that opens Bot Framework Web Chat.
 *   <script src="https://BOT/widget.js" data-product-id="…" data-language="…" data-currency="…" defer></script>
 * (and, from the OpenCart extension for a signed-in customer, data-customer: their signed identity, as JSON).
 * The same code runs locally and in production; the bot fills in `config` (where the Web Chat bundle is, the
 * Direct Line domain and where a token comes from) when it serves this file. Runs in the browser, as is.
 */
(function (config) {
  'use strict';
  var script = document.currentScript;
  if (!config || !script || window.__openCartOrderBotWidget) return;
  window.__openCartOrderBotWidget = true;

  var botOrigin = new URL(script.src, location.href).origin;
  var data = script.dataset;
  var locale = webChatLocale(data.language || document.documentElement.lang || navigator.language || 'en');
  var labels = config.labels[locale.split('-')[0]] || config.labels.en;
  var accent = /^#[0-9a-f]{3,8}$/i.test(data.color || '') ? data.color : '#1f6fa5';
  var side = data.position === 'left' ? 'left' : 'right';
  var storageKey = 'opencart-order-bot:' + botOrigin;
  var domain = new URL(config.directLine.domain, botOrigin + '/').href.replace(/\/$/, '');
  var started = false;
  var directLine = null;

  /** OpenCart's `de-de` is Web Chat's `de-DE`; a bare language gets its usual region. */
  function webChatLocale(tag) {
    var parts = String(tag).trim().split(/[-_]/);
    var language = (parts[0] || 'en').toLowerCase().slice(0, 8);
    var region = parts[1] ? parts[1].toUpperCase().slice(0, 8) : { en: 'US', de: 'DE', ru: 'RU' }[language];
    return region ? language + '-' + region : language;
  }

  function readSession() {
    try {
      var saved = JSON.parse(sessionStorage.getItem(storageKey) || 'null');
      return saved && typeof saved.token === 'string' && typeof saved.conversationId === 'string' ? saved : null;
    } catch (error) {
      return null;
    }
  }

  function writeSession(changes) {
    try {
      var saved = JSON.parse(sessionStorage.getItem(storageKey) || '{}') || {};
      for (var key in changes) saved[key] = changes[key];
      sessionStorage.setItem(storageKey, JSON.stringify(saved));
    } catch (error) {
      // Storage may be off (private mode): the chat then starts afresh on each page.
    }
  }

  function saveConnection() {
    if (directLine && directLine.conversationId && directLine.token) {
      writeSession({ token: directLine.token, conversationId: directLine.conversationId });
    }
  }

  function postForJson(url, token) {
    var headers = { 'Content-Type': 'application/json' };
    if (token) headers.Authorization = 'Bearer ' + token;
    return fetch(url, { method: 'POST', headers: headers, body: '{}', credentials: 'omit' }).then(function (answer) {
      if (!answer.ok) throw new Error('HTTP ' + answer.status);
      return answer.json();
    });
  }

  /** The conversation of this tab if its token still refreshes, else a new token (bound to a new conversation). */
  function connection() {
    var saved = readSession();
    var fresh = function () {
      return postForJson(new URL(config.directLine.tokenUrl, botOrigin + '/').href).then(function (answer) {
        return { token: answer.token };
      });
    };
    if (!saved) return fresh();
    return postForJson(domain + '/tokens/refresh', saved.token).then(
      function (answer) {
        return { token: answer.token, conversationId: saved.conversationId };
      },
      fresh
    );
  }

  function loadBundle() {
    if (window.WebChat) return Promise.resolve();
    return new Promise(function (resolve, reject) {
      var tag = document.createElement('script');
      tag.src = new URL(config.bundleUrl, botOrigin + '/').href;
      tag.async = true;
      tag.onload = function () { resolve(); };
      tag.onerror = function () { reject(new Error('bundle')); };
      document.head.appendChild(tag);
    });
  }

  function pageContext() {
    var context = { language: data.language || locale, pageUrl: location.href.slice(0, 2000) };
    if (data.currency) context.currency = data.currency;
    if (data.productId) context.productId = data.productId;
    var customer = signedCustomer();
    if (customer) context.customer = customer;
    return context;
  }

  /** The extension's signed identity of a signed-in customer (data-customer), passed on as is: the bot checks it. */
  function signedCustomer() {
    var text = data.customer || '';
    if (!text || text.length > 4000) return null;
    try {
      var parsed = JSON.parse(text);
      return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? parsed : null;
    } catch (error) {
      return null;
    }
  }

  var styleOptions = {
    accent: accent,
    backgroundColor: '#ffffff',
    primaryFont: 'inherit',
    bubbleBorderRadius: 12,
    bubbleFromUserBorderRadius: 12,
    bubbleFromUserBackground: accent,
    bubbleFromUserTextColor: '#ffffff',
    bubbleMaxWidth: 440,
    bubbleMinWidth: 120,
    botAvatarInitials: labels.botInitials,
    userAvatarInitials: labels.userInitials,
    botAvatarBackgroundColor: accent,
    hideUploadButton: false,
    sendBoxButtonColor: accent,
    suggestedActionBorderRadius: 8,
    rootHeight: '100%',
    rootWidth: '100%'
  };

  function startChat(host) {
    return Promise.all([loadBundle(), connection()]).then(function (results) {
      var conn = results[1];
      directLine = window.WebChat.createDirectLine({ token: conn.token, conversationId: conn.conversationId, domain: domain, webSocket: true });
      var store = window.WebChat.createStore({}, function (api) {
        return function (next) {
          return function (action) {
            var result = next(action);
            if (action.type === 'DIRECT_LINE/CONNECT_FULFILLED') {
              saveConnection();
              api.dispatch({ type: 'WEB_CHAT/SEND_EVENT', payload: { name: 'webchat/join', value: pageContext() } });
            }
            return result;
          };
        };
      });
      window.WebChat.renderWebChat({ directLine: directLine, store: store, locale: locale, styleOptions: styleOptions }, host);
    });
  }

  var css = [
    '.ocob-launcher{position:fixed;bottom:20px;' + side + ':20px;z-index:2147483000;display:flex;align-items:center;gap:8px;',
    'min-height:48px;padding:0 18px;border:0;border-radius:24px;background:' + accent + ';color:#fff;font:600 15px/1 inherit;',
    'box-shadow:0 4px 14px rgba(0,0,0,.25);cursor:pointer}',
    '.ocob-launcher:focus-visible,.ocob-close:focus-visible{outline:3px solid #ffbf47;outline-offset:2px}',
    '.ocob-panel{position:fixed;bottom:84px;' + side + ':20px;z-index:2147483001;display:flex;flex-direction:column;',
    'width:380px;height:600px;max-height:calc(100vh - 104px);background:#fff;border-radius:12px;overflow:hidden;',
    'box-shadow:0 8px 30px rgba(0,0,0,.3)}',
    '.ocob-panel[hidden]{display:none}',
    '.ocob-header{display:flex;align-items:center;justify-content:space-between;padding:10px 14px;background:' + accent + ';color:#fff}',
    '.ocob-title{margin:0;font:600 16px/1.2 inherit}',
    '.ocob-close{min-width:44px;min-height:44px;border:0;background:transparent;color:#fff;font-size:24px;cursor:pointer}',
    '.ocob-chat{flex:1;min-height:0}',
    '.ocob-error{padding:16px;color:#a00}',
    '@media (max-width:480px){.ocob-panel{top:0;bottom:0;left:0;right:0;width:100%;height:100%;max-height:none;border-radius:0}',
    '.ocob-launcher{bottom:12px;' + side + ':12px}}'
  ].join('');

  var style = document.createElement('style');
  style.textContent = css;
  document.head.appendChild(style);

  var launcher = document.createElement('button');
  launcher.type = 'button';
  launcher.className = 'ocob-launcher';
  launcher.setAttribute('aria-label', labels.open);
  launcher.setAttribute('aria-expanded', 'false');
  launcher.setAttribute('aria-controls', 'ocob-panel');
  launcher.innerHTML = '<svg width="20" height="20" viewBox="0 0 24 24" aria-hidden="true" focusable="false">' +
    '<path fill="currentColor" d="M4 3h16a2 2 0 0 1 2 2v11a2 2 0 0 1-2 2H8l-5 4V5a2 2 0 0 1 1-2z"/></svg>';
  var launcherText = document.createElement('span');
  launcherText.textContent = labels.launcher;
  launcher.appendChild(launcherText);

  var panel = document.createElement('div');
  panel.id = 'ocob-panel';
  panel.className = 'ocob-panel';
  panel.hidden = true;
  panel.setAttribute('role', 'dialog');
  panel.setAttribute('aria-label', labels.title);
  var header = document.createElement('div');
  header.className = 'ocob-header';
  var title = document.createElement('h2');
  title.className = 'ocob-title';
  title.textContent = labels.title;
  var close = document.createElement('button');
  close.type = 'button';
  close.className = 'ocob-close';
  close.setAttribute('aria-label', labels.close);
  close.textContent = '\u00d7';
  header.appendChild(title);
  header.appendChild(close);
  var chat = document.createElement('div');
  chat.className = 'ocob-chat';
  panel.appendChild(header);
  panel.appendChild(chat);

  function focusSendBox() {
    var box = chat.querySelector('input[type="text"], textarea');
    if (box) box.focus();
  }

  function open() {
    panel.hidden = false;
    launcher.setAttribute('aria-expanded', 'true');
    writeSession({ open: true });
    if (!started) {
      started = true;
      startChat(chat).then(function () { setTimeout(focusSendBox, 300); }, function () {
        started = false;
        chat.innerHTML = '';
        var error = document.createElement('p');
        error.className = 'ocob-error';
        error.setAttribute('role', 'alert');
        error.textContent = labels.failed;
        chat.appendChild(error);
      });
    } else {
      focusSendBox();
    }
  }

  function hide() {
    panel.hidden = true;
    launcher.setAttribute('aria-expanded', 'false');
    writeSession({ open: false });
    launcher.focus();
  }

  launcher.addEventListener('click', function () {
    if (panel.hidden) open();
    else hide();
  });
  close.addEventListener('click', hide);
  panel.addEventListener('keydown', function (event) {
    if (event.key === 'Escape') hide();
  });
  window.addEventListener('pagehide', saveConnection);

  document.body.appendChild(panel);
  document.body.appendChild(launcher);
  var saved = readSession();
  if (saved && saved.open) open();
})(/*CONFIG*/null);
