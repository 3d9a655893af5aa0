//! A short simulated week: deterministic, complete, and both promises sane.
#![allow(clippy::unwrap_used, clippy::expect_used)] // tests may panic on a broken simulation

use kindly_sim::report;
use kindly_sim::sim::Outcome;
use kindly_sim::world::{Model, World};

type Run = (World, Outcome, report::Report);

fn week(seed: u64) -> Run {
    kindly_sim::simulate(seed, 7, Model::default()).expect("simulates")
}

#[test]
fn same_seed_same_output_byte_for_byte() {
    let (_, _, a) = week(11);
    let (_, _, b) = week(11);
    assert_eq!(report::table(&a), report::table(&b));
    assert_eq!(
        serde_json::to_string(&a).unwrap(),
        serde_json::to_string(&b).unwrap()
    );
    let (_, _, c) = week(12);
    assert_ne!(
        serde_json::to_string(&a).unwrap(),
        serde_json::to_string(&c).unwrap(),
        "another seed is another world"
    );
}

#[test]
fn every_ticket_gets_one_answer_and_sane_promises() {
    for seed in [1, 2] {
        let (world, out, rep) = week(seed);
        assert!(
            out.tickets.len() > 150,
            "a week has {} tickets",
            out.tickets.len()
        );
        let open = out.tickets.iter().filter(|t| t.responded.is_none()).count();
        assert_eq!(open, rep.world.still_open);
        assert_eq!(open, 0, "the team works the queue down after the week");
        assert_eq!(
            out.days
                .values()
                .map(|d| d.responses as usize)
                .sum::<usize>(),
            // Answers after the last simulated day are not in a day's row.
            out.tickets
                .iter()
                .filter(|t| out.days.contains_key(&world.date_of(t.responded.unwrap())))
                .count()
        );
        for t in &out.tickets {
            let r = t.responded.unwrap();
            assert!(r > t.arrived, "ticket {} answered before it arrived", t.id);
            assert_eq!(t.fixed_promise, t.arrived + 24 * 3600, "ticket {}", t.id);
            assert!(t.kindly_promise >= t.arrived, "ticket {}", t.id);
            assert_eq!(t.kindly_promise % 900, 0, "a quarter hour a person reads");
            if let Some((sent, new)) = t.update {
                assert!(
                    sent >= t.arrived && sent < t.kindly_promise,
                    "before the deadline"
                );
                assert!(
                    new > t.kindly_promise,
                    "an update only moves the promise later"
                );
            }
        }
        // Ids are arrival order.
        assert!(out.tickets.windows(2).all(|w| w[0].arrived <= w[1].arrived));
        assert_eq!(rep.fixed.promises, out.tickets.len());
        assert_eq!(rep.kindly.promises, out.tickets.len());
        assert!(rep.kindly.kept_with_update >= rep.kindly.kept);
        assert_eq!(rep.fixed.kept + rep.fixed.missed, out.tickets.len());
    }
}

#[test]
fn answers_only_inside_business_hours_and_shifts() {
    let (world, out, _) = week(3);
    for t in &out.tickets {
        // An answer started before 17:00 may finish a little after it.
        let start = t.responded.unwrap() - t.work;
        assert!(
            world.hours.is_open(kindly_sim::world::ts(start)),
            "ticket {} taken up outside business hours",
            t.id
        );
    }
}
