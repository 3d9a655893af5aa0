//! `kindly-sim`: a deterministic discrete-event simulation of a small shop's
//! support month that drives the real `kindly_core::eta` functions and judges
//! Kindly's promises against the fixed "within 24 hours". The world is
//! described in `main.rs`.

pub mod report;
pub mod rng;
pub mod sim;
pub mod world;

/// Simulate `days` days with `seed` and build the report.
pub fn simulate(
    seed: u64,
    days: u32,
    model: world::Model,
) -> Result<(world::World, sim::Outcome, report::Report), String> {
    let world = world::World::new(days, model)?;
    let outcome = sim::run(&world, seed)?;
    let report = report::build(&world, seed, &outcome);
    Ok((world, outcome, report))
}
