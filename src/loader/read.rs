//! Reading a text file that a user pointed at: bounded in size before a byte
//! is read, and every way it can fail named in words.

use std::fmt;
use std::fs;
use std::io::{self, Read};
use std::path::Path;

/// Largest statement file read; real statements are a few kilobytes, and the
/// limit keeps a stray huge file from stalling start-up or eating memory.
pub const MAX_FILE_BYTES: u64 = 32 * 1024 * 1024;

/// Why a file could not be read as text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReadError {
    /// No file at that path.
    Missing,
    /// A symbolic link whose target is missing.
    DanglingLink,
    /// A symbolic link that cannot be followed (a loop, or too deep a chain).
    BadLink(String),
    /// The file may not be read.
    PermissionDenied,
    /// A folder where a file was expected.
    Folder,
    /// A named pipe, socket or device: opening a pipe would wait for a
    /// writer forever, and a device may never end.
    NotRegular,
    /// Larger than jointly reads from such a file.
    TooLarge {
        /// Its size in bytes.
        size: u64,
        /// The most read from such a file.
        limit: u64,
        /// What the file is ("a statement file", "a config file").
        what: &'static str,
    },
    /// It holds NUL bytes: a binary file, not text.
    Binary,
    /// Not UTF-8: the first invalid byte is at this 1-based line and column.
    NotUtf8 {
        /// Line of the invalid byte.
        line: usize,
        /// Column (in bytes) of the invalid byte.
        column: usize,
    },
    /// Any other failure of the operating system.
    Other(String),
}

impl ReadError {
    /// The line and column the error is at, where it has one.
    pub fn location(&self) -> Option<(usize, usize)> {
        match self {
            ReadError::NotUtf8 { line, column } => Some((*line, *column)),
            _ => None,
        }
    }

    /// The error for an I/O failure on `path`, telling links apart.
    pub fn from_io(path: &Path, e: &io::Error) -> ReadError {
        let link = fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink());
        match e.kind() {
            io::ErrorKind::NotFound if link => ReadError::DanglingLink,
            io::ErrorKind::NotFound => ReadError::Missing,
            io::ErrorKind::PermissionDenied => ReadError::PermissionDenied,
            _ if link => ReadError::BadLink(e.to_string()),
            _ => ReadError::Other(e.to_string()),
        }
    }
}

impl fmt::Display for ReadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ReadError::Missing => write!(f, "no such file or folder"),
            ReadError::DanglingLink => write!(f, "is a symbolic link to a file that does not exist"),
            ReadError::BadLink(e) => write!(f, "is a symbolic link that cannot be followed (a loop?): {e}"),
            ReadError::PermissionDenied => write!(f, "permission denied"),
            ReadError::Folder => write!(f, "is a directory, not a file"),
            ReadError::NotRegular => write!(f, "is a named pipe, socket or device, not a regular file"),
            ReadError::TooLarge { size, limit, what } => write!(
                f,
                "is {:.1} MB, more than the {} MiB {what} may have",
                *size as f64 / 1e6,
                limit / (1024 * 1024)
            ),
            ReadError::Binary => write!(f, "is a binary file (it holds NUL bytes), not text"),
            ReadError::NotUtf8 { line, column } => {
                write!(
                    f,
                    "is not UTF-8 text (invalid byte at line {line}, column {column})"
                )
            }
            ReadError::Other(e) => write!(f, "{e}"),
        }
    }
}

/// Reads a UTF-8 statement file no larger than [`MAX_FILE_BYTES`].
pub fn read_text(path: &Path) -> Result<String, ReadError> {
    read_text_as(path, MAX_FILE_BYTES, "a statement file")
}

/// Opens `path` for reading without waiting: a named pipe with no writer,
/// a terminal or a device would otherwise block the open or the read
/// forever. The caller checks the type of the file opened (not of the
/// path, which may be swapped between a check and the open).
pub fn open_nonblocking(path: &Path) -> io::Result<fs::File> {
    let mut options = fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NONBLOCK);
    }
    options.open(path)
}

/// Reads a UTF-8 text file no larger than `limit` bytes (`what` names the
/// kind of file in the message). The file is opened without waiting and
/// must be a regular file; its size is checked before anything is read,
/// and reading stops at the limit anyway (a file may grow while it is read).
pub fn read_text_as(path: &Path, limit: u64, what: &'static str) -> Result<String, ReadError> {
    let file = open_nonblocking(path).map_err(|e| ReadError::from_io(path, &e))?;
    let meta = file.metadata().map_err(|e| ReadError::from_io(path, &e))?;
    if meta.is_dir() {
        return Err(ReadError::Folder);
    }
    if !meta.is_file() {
        return Err(ReadError::NotRegular);
    }
    let too_large = |size| ReadError::TooLarge { size, limit, what };
    if meta.len() > limit {
        return Err(too_large(meta.len()));
    }
    let mut bytes = Vec::new();
    file.take(limit + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| match e.kind() {
            // A regular file that has nothing yet and would make us wait
            // (`/proc/kmsg`) is no statement.
            io::ErrorKind::WouldBlock => ReadError::NotRegular,
            _ => ReadError::from_io(path, &e),
        })?;
    if bytes.len() as u64 > limit {
        return Err(too_large(bytes.len() as u64));
    }
    if bytes.contains(&0) {
        return Err(ReadError::Binary);
    }
    String::from_utf8(bytes).map_err(|e| {
        let at = e.utf8_error().valid_up_to();
        let before = &e.as_bytes()[..at];
        ReadError::NotUtf8 {
            line: before.iter().filter(|&&b| b == b'\n').count() + 1,
            column: before.iter().rev().take_while(|&&b| b != b'\n').count() + 1,
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn failures_are_told_apart() {
        let dir = tempfile::tempdir().unwrap();
        let p = |name: &str| dir.path().join(name);
        fs::write(p("bin"), b"ab\0c").unwrap();
        fs::write(p("latin"), b"ok\nd\xe9j\xe0").unwrap();
        fs::write(p("good"), "é\n").unwrap();
        assert_eq!(read_text(&p("bin")), Err(ReadError::Binary));
        let e = read_text(&p("latin")).unwrap_err();
        assert_eq!(e.location(), Some((2, 2)));
        assert_eq!(read_text(&p("good")).unwrap(), "é\n");
        assert_eq!(read_text(&p("none")), Err(ReadError::Missing));
        assert_eq!(read_text(dir.path()), Err(ReadError::Folder));
        #[cfg(unix)]
        {
            std::os::unix::fs::symlink(p("b"), p("a")).unwrap();
            std::os::unix::fs::symlink(p("a"), p("b")).unwrap();
            std::os::unix::fs::symlink(p("none"), p("dangling")).unwrap();
            assert!(matches!(read_text(&p("a")), Err(ReadError::BadLink(_))));
            assert_eq!(read_text(&p("dangling")), Err(ReadError::DanglingLink));
            assert_eq!(read_text(Path::new("/dev/null")), Err(ReadError::NotRegular));
        }
    }
}
