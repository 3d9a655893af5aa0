//! Exit codes (sysexits.h), so an MTA and scripts can act on them.

/// Everything went fine.
pub const OK: u8 = 0;
/// The command line was wrong.
pub const USAGE: u8 = 64;
/// The input was empty or not what was expected.
pub const DATAERR: u8 = 65;
/// A PATH does not exist or cannot be read.
pub const NOINPUT: u8 = 66;
/// Something inside kindly went wrong.
pub const SOFTWARE: u8 = 70;
/// The system would not let us start.
pub const OSERR: u8 = 71;
/// Reading or writing failed.
pub const IOERR: u8 = 74;
/// Temporary failure (store unavailable, data directory unwritable): retry later.
pub const TEMPFAIL: u8 = 75;
/// The configuration is wrong.
pub const CONFIG: u8 = 78;

/// The worse of two exit codes: any failure beats success, and a temporary
/// failure (the MTA must retry) beats every other.
pub fn worst(a: u8, b: u8) -> u8 {
    let rank = |c: u8| match c {
        OK => 0,
        TEMPFAIL => 255,
        other => other,
    };
    if rank(b) > rank(a) { b } else { a }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tempfail_is_worst() {
        assert_eq!(worst(OK, DATAERR), DATAERR);
        assert_eq!(worst(TEMPFAIL, NOINPUT), TEMPFAIL);
        assert_eq!(worst(NOINPUT, DATAERR), NOINPUT);
        assert_eq!(worst(OK, OK), OK);
    }
}
