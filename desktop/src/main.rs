//! The `waymark` binary: reads the real process environment and hands over to the library.

use std::io;
use std::panic::{self, AssertUnwindSafe};
use std::process::ExitCode;

use waymark_desktop::{Env, Exit, run};

fn main() -> ExitCode {
    // A panic is a bug; the person gets one line, not a backtrace full of internals.
    panic::set_hook(Box::new(|_| {
        eprintln!("waymark: internal error: the program stopped unexpectedly; please report it");
    }));
    let exit = panic::catch_unwind(AssertUnwindSafe(|| {
        let env = Env::from_process();
        run(
            std::env::args_os(),
            &mut io::stdin().lock(),
            &mut io::stdout().lock(),
            &mut io::stderr().lock(),
            &env,
        )
    }))
    .unwrap_or(Exit::Failure);
    exit.into()
}
