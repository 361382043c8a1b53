// Fixture for generic-telegram-token-relay-host (a file naming the official host).
// RULEID: a fallback relay URL built with the token in a template literal.
// OK: none of the lines below the first match fires in this file by design; see the marked line.
const RELAY = 'https://tg.proxy-relay.example';
// ok: generic-telegram-token-relay-host
const label = 'bot settings';
// ruleid: generic-telegram-token-relay-host
const send = (token, chat, text) => fetch(`${RELAY}/bot${token}/sendMessage?chat_id=${chat}&text=${encodeURIComponent(text)}`);
module.exports = { send };
