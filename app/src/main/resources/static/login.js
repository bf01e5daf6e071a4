// The login page of the console: Vietnamese by default, English on request (remembered).
// Spring Security checks the CSRF token against the XSRF-TOKEN cookie; it is copied into the form
// just before sending, so the page needs no server-side rendering and no inline script (CSP).
(function () {
  'use strict';

  var TEXT = {
    vi: {
      title: 'Trục tích hợp dữ liệu', subtitle: 'Đăng nhập bảng điều khiển', username: 'Tên đăng nhập',
      password: 'Mật khẩu', submit: 'Đăng nhập', or: 'hoặc', other: 'English', withProvider: 'Đăng nhập qua ',
      error: 'Tên đăng nhập hoặc mật khẩu không đúng.',
      throttled: 'Đăng nhập sai quá nhiều lần. Tài khoản hoặc địa chỉ này tạm thời bị khoá, hãy thử lại sau.',
      logout: 'Bạn đã đăng xuất.', nocookie: 'Trình duyệt cần cho phép cookie để đăng nhập.',
      pageTitle: 'Đăng nhập — Trục tích hợp'
    },
    en: {
      title: 'Data integration bus', subtitle: 'Sign in to the console', username: 'Username',
      password: 'Password', submit: 'Sign in', or: 'or', other: 'Tiếng Việt', withProvider: 'Sign in with ',
      error: 'Wrong username or password.',
      throttled: 'Too many failed logins. This account or address is locked for a while; try again later.',
      logout: 'You have signed out.', nocookie: 'Your browser must allow cookies to sign in.',
      pageTitle: 'Sign in — Integration bus'
    }
  };
  var lang = localStorage.getItem('bus.lang') === 'en' ? 'en' : 'vi';
  var providers = [];

  function cookie(name) {
    var parts = document.cookie ? document.cookie.split('; ') : [];
    for (var i = 0; i < parts.length; i++) {
      var eq = parts[i].indexOf('=');
      if (parts[i].substring(0, eq) === name) {
        return decodeURIComponent(parts[i].substring(eq + 1));
      }
    }
    return null;
  }

  function messageKey() {
    var q = new URLSearchParams(window.location.search);
    if (q.has('throttled')) { return 'throttled'; }
    if (q.has('error')) { return 'error'; }
    if (q.has('logout')) { return 'logout'; }
    return null;
  }

  function render() {
    var t = TEXT[lang];
    document.documentElement.lang = lang;
    document.title = t.pageTitle;
    document.querySelectorAll('[data-i18n]').forEach(function (el) {
      el.textContent = t[el.getAttribute('data-i18n')];
    });
    var switcher = document.getElementById('lang');
    switcher.textContent = t.other;
    switcher.setAttribute('aria-label', t.other);
    var key = messageKey();
    var message = document.getElementById('message');
    message.hidden = key === null;
    message.className = key === 'logout' ? 'message info' : 'message';
    message.textContent = key === null ? '' : t[key];
    var box = document.getElementById('providers');
    box.querySelectorAll('a').forEach(function (a) { a.remove(); });
    providers.forEach(function (p) {
      var a = document.createElement('a');
      a.className = 'secondary';
      a.href = p.url;
      a.textContent = t.withProvider + p.name;
      box.appendChild(a);
    });
    box.hidden = providers.length === 0;
  }

  document.addEventListener('DOMContentLoaded', function () {
    document.getElementById('lang').addEventListener('click', function () {
      lang = lang === 'vi' ? 'en' : 'vi';
      localStorage.setItem('bus.lang', lang);
      render();
    });
    document.getElementById('login').addEventListener('submit', function (event) {
      var token = cookie('XSRF-TOKEN');
      if (!token) {
        event.preventDefault();
        var message = document.getElementById('message');
        message.hidden = false;
        message.textContent = TEXT[lang].nocookie;
        return;
      }
      document.getElementById('csrf').value = token;
    });
    render();
    fetch('/login/options', {credentials: 'same-origin'})
      .then(function (r) { return r.ok ? r.json() : {providers: []}; })
      .then(function (options) { providers = options.providers || []; render(); })
      .catch(function () { /* password login still works */ });
  });
}());
