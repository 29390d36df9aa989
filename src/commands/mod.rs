//! One module per subcommand; each returns the process exit code.

pub mod build;
pub mod fonts;

use banmian::project::Failure;
use banmian::world::PageWorld;

/// Prints why a build failed, in the form the failure calls for.
pub fn report(failure: &Failure, world: Option<&PageWorld>) {
    match (failure, world) {
        (Failure::Content(errors), _) => {
            for error in errors {
                eprintln!("error: {error}");
            }
        }
        (Failure::Typst(diagnostics), Some(world)) => {
            banmian::compile::print_diagnostics(world, diagnostics)
        }
        (Failure::Typst(diagnostics), None) => {
            for d in diagnostics {
                eprintln!("error: {}", d.message);
            }
        }
        (Failure::Other(message), _) => eprintln!("error: {message}"),
    }
}
