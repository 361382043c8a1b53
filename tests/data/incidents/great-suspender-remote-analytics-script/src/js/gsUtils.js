// Incident: The Great Suspender 7.1.8 (2020): unchanged helper kept so the tracker's calls resolve.
// Reference: https://github.com/greatsuspender/thegreatsuspender/issues/1263
// Reproduction (own code, placeholder host).
/*global chrome */
var gsUtils = {
  isSuspendedTab: function (tab) {
    return tab.url.indexOf(chrome.runtime.getURL('suspended.html')) === 0;
  },
};
