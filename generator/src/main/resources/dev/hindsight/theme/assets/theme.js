/* Applies the reader's stored theme before the page is drawn (loaded in <head>, not deferred).
   Without a stored choice the page follows the system via prefers-color-scheme. */
(function () {
  'use strict';
  var stored = null;
  try {
    stored = window.localStorage.getItem('hindsight-theme');
  } catch (e) {
    // localStorage can throw from file:// or in private modes: follow the system then.
  }
  if (stored === 'dark' || stored === 'light') {
    document.documentElement.setAttribute('data-theme', stored);
  }
})();
