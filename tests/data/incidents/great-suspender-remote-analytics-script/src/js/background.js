// Incident: The Great Suspender 7.1.8 (2020): the ordinary tab-suspending background logic.
// Reference: https://github.com/greatsuspender/thegreatsuspender/issues/1263
// Reproduction (own code, placeholder host).
/*global chrome, gsUtils */
(function () {
  'use strict';
  var SUSPEND_AFTER_MS = 60 * 60 * 1000;
  var lastActive = {};

  chrome.tabs.onActivated.addListener(function (info) {
    lastActive[info.tabId] = Date.now();
  });

  setInterval(function () {
    chrome.tabs.query({ active: false, pinned: false, audible: false }, function (tabs) {
      tabs.forEach(function (tab) {
        var seen = lastActive[tab.id] || 0;
        if (!gsUtils.isSuspendedTab(tab) && Date.now() - seen > SUSPEND_AFTER_MS) {
          var url = chrome.runtime.getURL('suspended.html') + '#uri=' + encodeURIComponent(tab.url);
          chrome.tabs.update(tab.id, { url: url });
        }
      });
    });
  }, 60 * 1000);
})();
