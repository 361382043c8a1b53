// Incident: faster_log typosquat (crates.io, 2025); file appender kept from the real crate's
// design, the malicious part is in packer.rs. Reference:
// https://blog.rust-lang.org/2025/09/24/crates.io-malicious-crates-fasterlog-and-asyncprintln/
// Reproduction (own code, placeholder host).
use std::fs::{self, File, OpenOptions};
use std::io::Write;
use std::path::PathBuf;

pub struct LogRecord {
    pub level: log::Level,
    pub target: String,
    pub line: String,
}

pub struct FileAppender {
    path: PathBuf,
    file: Option<File>,
    written: u64,
    max_bytes: u64,
}

impl FileAppender {
    pub fn open(path: &str, max_bytes: u64) -> Self {
        let path = PathBuf::from(path);
        if let Some(dir) = path.parent() {
            let _ = fs::create_dir_all(dir);
        }
        let file = OpenOptions::new().create(true).append(true).open(&path).ok();
        FileAppender { path, file, written: 0, max_bytes }
    }

    pub fn rolled_path(&self) -> PathBuf {
        self.path.with_extension("log.1")
    }

    /// Writes one record; returns true when the file was rolled over.
    pub fn write(&mut self, rec: &LogRecord) -> bool {
        let text = format!("[{}] {} {}\n", rec.level, rec.target, rec.line);
        if let Some(f) = self.file.as_mut() {
            let _ = f.write_all(text.as_bytes());
        }
        self.written += text.len() as u64;
        if self.written < self.max_bytes {
            return false;
        }
        let _ = fs::rename(&self.path, self.rolled_path());
        self.file = OpenOptions::new().create(true).append(true).open(&self.path).ok();
        self.written = 0;
        true
    }
}
