//! The discrete-event engine: arrivals, nudges, agents' shifts and answers,
//! and at every arrival both promises. The history does not depend on the
//! promises (customers in this world do not read them), so both strategies
//! are judged on exactly the same tickets and answers.

use std::cmp::Reverse;
use std::collections::{BTreeMap, BinaryHeap};

use jiff::SignedDuration;
use jiff::civil::Date;
use kindly_core::Priority;
use kindly_core::eta::{
    Capacity, Overtaking, agent_hours, blend_rate, first_response_eta, first_response_eta_overtaken,
};

use crate::rng::Rng;
use crate::world::{self, World, ts};

/// Why a ticket arrived when it did (for the per-period breakdown).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Period {
    /// Mon–Fri inside 09–17 on a working day.
    Open,
    /// Working day, outside 09–17.
    Evening,
    /// Saturday, Sunday or the holiday.
    DayOff,
    /// The outage afternoon.
    Outage,
}

impl Period {
    pub const ALL: [Period; 4] = [
        Period::Open,
        Period::Evening,
        Period::DayOff,
        Period::Outage,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Period::Open => "open hours",
            Period::Evening => "working day, closed",
            Period::DayOff => "weekend/holiday",
            Period::Outage => "outage afternoon",
        }
    }
}

/// One ticket and everything that happened to it. Times are Unix seconds.
#[derive(Clone, Debug)]
pub struct Ticket {
    pub id: usize,
    pub arrived: i64,
    pub period: Period,
    pub angry: bool,
    pub repeats: i64,
    pub priority: Priority,
    /// Exponential work of its first response, seconds.
    pub work: i64,
    pub in_service: bool,
    pub responded: Option<i64>,
    /// "Within 24 hours": arrival + 24 h of wall clock.
    pub fixed_promise: i64,
    /// Kindly's promise as first stated in the acknowledgement.
    pub kindly_promise: i64,
    /// Kindly's promise lay beyond the 24-hour target (the lead is alerted).
    pub beyond_target: bool,
    /// Tickets ahead at arrival and the per-agent rate the model used.
    pub ahead: u32,
    pub rate: f64,
    /// The one honest update ("still on it, new time …"), when sent: (sent at, new promise).
    pub update: Option<(i64, i64)>,
    nudges: [i64; 2],
}

impl Ticket {
    /// The promise in force at the end: the update's, else the first.
    pub fn final_promise(&self) -> i64 {
        self.update.map_or(self.kindly_promise, |(_, p)| p)
    }
}

/// Per local day of the arrival window.
#[derive(Clone, Debug, Default)]
pub struct Day {
    pub arrivals: u32,
    pub responses: u32,
    pub planned_agent_hours: f64,
    pub worked_agent_hours: f64,
    pub busy_hours: f64,
    pub sick: Vec<&'static str>,
    /// Tickets without a first response at 17:00 local.
    pub waiting_at_close: Option<usize>,
}

#[derive(Clone, Debug)]
pub struct Outcome {
    pub tickets: Vec<Ticket>,
    pub days: BTreeMap<Date, Day>,
    /// When the last first response was given (or the drain gave up).
    pub ended: i64,
    /// The per-agent rate Kindly had learnt by the last arrival.
    pub final_rate: f64,
    pub nudges: u32,
}

/// One answered ticket as the store records it.
#[derive(Clone, Copy, Debug)]
struct Answered {
    at: i64,
    arrived: i64,
    /// Its priority at arrival.
    priority: Priority,
    /// Its customer wrote again before the answer (its priority rose).
    rose: bool,
    /// First responses given between its arrival and its own.
    given_while_waiting: f64,
    /// Tickets ahead of it when it arrived (stored with the promise).
    ahead: f64,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Event {
    ShiftEnd(usize),
    Done(usize, usize),
    ShiftStart(usize),
    Arrival(usize),
    Nudge(usize),
    Watch,
    CloseCount,
}

#[derive(Clone, Copy, Debug, Default)]
struct AgentState {
    on_shift: bool,
    busy: bool,
}

struct Engine<'w> {
    world: &'w World,
    heap: BinaryHeap<Reverse<(i64, u64, Event)>>,
    seq: u64,
    tickets: Vec<Ticket>,
    /// Tickets without a first response (in service included: Kindly cannot tell).
    waiting: Vec<usize>,
    agents: Vec<AgentState>,
    /// First-response times in order (the history Kindly learns from).
    responses: Vec<i64>,
    /// Answered tickets, in answer order: what Kindly can read back from its
    /// store to measure overtaking (see [`Engine::overtaking_at`]).
    answered: Vec<Answered>,
    days: BTreeMap<Date, Day>,
    start: i64,
    traits: Rng,
    nudges: u32,
}

/// Run the world for `world.days` days of arrivals, then let the team work the
/// queue down.
pub fn run(world: &World, seed: u64) -> Result<Outcome, String> {
    let start = world.midnight(0)?;
    let end = world.midnight(i64::from(world.days))?;
    let arrivals = arrivals(world, seed, start, end)?;
    let mut e = Engine {
        world,
        heap: BinaryHeap::new(),
        seq: 0,
        tickets: Vec::with_capacity(arrivals.len()),
        waiting: Vec::new(),
        agents: vec![AgentState::default(); world.roster.len()],
        responses: Vec::new(),
        answered: Vec::new(),
        days: BTreeMap::new(),
        start,
        traits: Rng::stream(seed, 2),
        nudges: 0,
    };
    for offset in 0..i64::from(world.days) {
        let d = world.date_of(world.local(offset, world::OPEN)?);
        e.days.insert(d, Day::default());
        e.push(world.local(offset, world::CLOSE)?, Event::CloseCount);
    }
    e.roster(seed, i64::from(world.days) + world::DRAIN_DAYS)?;
    for (i, (t, _)) in arrivals.iter().enumerate() {
        e.push(*t, Event::Arrival(i));
    }
    e.push(start, Event::Watch);

    let give_up = end + world::DRAIN_DAYS * 86_400;
    let mut arrived = 0;
    let mut now = start;
    let mut final_rate = world::DEFAULT_RATE;
    while let Some(Reverse((t, _, ev))) = e.heap.pop() {
        if t > give_up {
            break;
        }
        now = t;
        match ev {
            Event::Arrival(i) => {
                let (_, period) = arrivals[i];
                final_rate = e.arrive(t, period);
                arrived += 1;
            }
            Event::Nudge(id) => e.nudge(t, id),
            Event::ShiftStart(a) => {
                e.agents[a].on_shift = true;
                if !e.agents[a].busy {
                    e.take_next(a, t);
                }
            }
            Event::ShiftEnd(a) => e.agents[a].on_shift = false,
            Event::Done(a, id) => {
                e.tickets[id].responded = Some(t);
                e.tickets[id].in_service = false;
                e.waiting.retain(|w| *w != id);
                let tk = &e.tickets[id];
                let given = e.responses.len() - e.responses.partition_point(|r| *r <= tk.arrived);
                e.answered.push(Answered {
                    at: t,
                    arrived: tk.arrived,
                    priority: Priority::for_ticket(0, tk.angry),
                    rose: tk.repeats > 0,
                    given_while_waiting: given as f64,
                    ahead: f64::from(tk.ahead),
                });
                e.responses.push(t);
                if let Some(d) = e.days.get_mut(&world.date_of(t)) {
                    d.responses += 1;
                }
                e.agents[a].busy = false;
                if e.agents[a].on_shift {
                    e.take_next(a, t);
                }
            }
            Event::Watch => {
                e.watch(t);
                if arrived < arrivals.len() || !e.waiting.is_empty() {
                    e.push(t + world::WATCH_EVERY_SECS, Event::Watch);
                }
            }
            Event::CloseCount => {
                let n = e.waiting.len();
                if let Some(d) = e.days.get_mut(&world.date_of(t)) {
                    d.waiting_at_close = Some(n);
                }
            }
        }
        if arrived == arrivals.len() && e.waiting.is_empty() {
            break;
        }
    }
    Ok(Outcome {
        tickets: e.tickets,
        days: e.days,
        ended: now,
        final_rate,
        nudges: e.nudges,
    })
}

/// The non-homogeneous Poisson arrivals, hour by hour of wall clock: each
/// hour's rate is constant (base × hour weight × day weight, × 5 in the
/// outage), its count Poisson and its times uniform.
fn arrivals(world: &World, seed: u64, start: i64, end: i64) -> Result<Vec<(i64, Period)>, String> {
    let mut rng = Rng::stream(seed, 1);
    let mut out = Vec::new();
    let mut hour = start;
    while hour < end {
        let local = ts(hour).to_zoned(world.hours.tz.clone());
        let (date, h) = (local.date(), local.hour());
        let outage = date == world::OUTAGE_DAY
            && (world::OUTAGE_FROM_HOUR..world::OUTAGE_TO_HOUR).contains(&h);
        let mut rate =
            world::BASE_PER_HOUR * world::hour_weight(h) * world::day_weight(date.weekday());
        if outage {
            rate *= world::OUTAGE_FACTOR;
        }
        let period = if outage {
            Period::Outage
        } else if world.hours.hours_of(date).is_none() {
            Period::DayOff
        } else if world.hours.is_open(ts(hour)) {
            Period::Open
        } else {
            Period::Evening
        };
        let mut times: Vec<i64> = (0..rng.poisson(rate))
            .map(|_| hour + (rng.unit() * 3600.0) as i64)
            .collect();
        times.sort_unstable();
        out.extend(times.into_iter().map(|t| (t, period)));
        hour += 3600;
    }
    if out.is_empty() && end <= start {
        return Err("no simulated days".into());
    }
    Ok(out)
}

impl Engine<'_> {
    fn push(&mut self, t: i64, ev: Event) {
        self.seq += 1;
        self.heap.push(Reverse((t, self.seq, ev)));
    }

    /// Every agent's shifts on working days, minus sick days (drawn per agent-day).
    fn roster(&mut self, seed: u64, days: i64) -> Result<(), String> {
        let mut sick_rng = Rng::stream(seed, 3);
        for offset in 0..days {
            let noon = self.world.local(offset, jiff::civil::time(12, 0, 0, 0))?;
            let date = self.world.date_of(noon);
            if self.world.hours.hours_of(date).is_none() {
                continue;
            }
            for (a, agent) in self.world.roster.iter().enumerate() {
                let today: Vec<_> = agent
                    .slots
                    .iter()
                    .filter(|(wd, _, _)| *wd == date.weekday())
                    .copied()
                    .collect();
                if today.is_empty() {
                    continue;
                }
                let sick = sick_rng.chance(world::SICK_CHANCE);
                for (_, from, to) in today {
                    let (s, e) = (
                        self.world.local(offset, from)?,
                        self.world.local(offset, to)?,
                    );
                    let hours = (e - s) as f64 / 3600.0;
                    if let Some(d) = self.days.get_mut(&date) {
                        d.planned_agent_hours += hours;
                        if sick {
                            if !d.sick.contains(&agent.name) {
                                d.sick.push(agent.name);
                            }
                        } else {
                            d.worked_agent_hours += hours;
                        }
                    }
                    if !sick {
                        self.push(s, Event::ShiftStart(a));
                        self.push(e, Event::ShiftEnd(a));
                    }
                }
            }
        }
        Ok(())
    }

    /// The planned capacity with the per-agent rate learnt from the last 28
    /// days of this team's own history (shrunk towards the default while short).
    fn capacity_at(&self, t: i64) -> Capacity {
        let from = self.start.max(t - world::RATE_WINDOW_DAYS * 86_400);
        let hours = agent_hours(ts(from), ts(t), &self.world.hours, &self.world.planned);
        let lo = self.responses.partition_point(|r| *r <= from);
        let hi = self.responses.partition_point(|r| *r <= t);
        let rate = blend_rate(
            (hi - lo) as f64,
            hours,
            world::DEFAULT_RATE,
            world::PRIOR_HOURS,
        );
        Capacity {
            per_agent_hour: rate,
            ..self.world.planned.clone()
        }
    }

    /// Overtaking of a new ticket of priority `p`, measured over the same window
    /// as the rate from what happened before `t` only: tickets answered in the
    /// window that arrived with priority `p` and kept it give the tickets per
    /// hour answered before them that were not ahead at arrival; every ticket's
    /// wait before its customer's first repeat (or its answer, or `t`) gives
    /// how often waiting customers write again.
    fn overtaking_at(&self, t: i64, p: Priority) -> Overtaking {
        let from = self.start.max(t - world::RATE_WINDOW_DAYS * 86_400);
        let (mut overtook, mut quiet_hours) = (0.0, 0.0);
        for a in self.answered.iter().rev().take_while(|a| a.at > from) {
            if a.priority == p && !a.rose {
                overtook += a.given_while_waiting - a.ahead;
                quiet_hours += hours(a.arrived, a.at);
            }
        }
        let (mut repeats, mut waited) = (0.0, 0.0);
        for tk in &self.tickets {
            let end = tk.responded.unwrap_or(t).min(t);
            if end <= from {
                continue;
            }
            let begin = tk.arrived.max(from);
            // The first repeat, when it has happened by `end` (a past event).
            let first = tk.nudges[0];
            if tk.repeats > 0 && first <= end {
                repeats += f64::from(u8::from(first > from));
                waited += hours(begin, first.max(begin));
            } else {
                waited += hours(begin, end);
            }
        }
        Overtaking {
            per_hour: if quiet_hours > 0.0 {
                (overtook / quiet_hours).max(0.0)
            } else {
                0.0
            },
            writes_again_per_hour: if waited > 0.0 { repeats / waited } else { 0.0 },
        }
    }

    fn arrive(&mut self, t: i64, period: Period) -> f64 {
        let id = self.tickets.len();
        let angry = self.traits.chance(world::ANGRY_SHARE);
        let work = (self.traits.exp(world::SERVICE_MEAN_MINUTES * 60.0).round() as i64).max(1);
        let n1 = t + (self.traits.exp(world::NUDGE_MEAN_HOURS * 3600.0) as i64).max(1);
        let n2 = n1 + (self.traits.exp(world::NUDGE_MEAN_HOURS * 3600.0) as i64).max(1);
        let priority = Priority::for_ticket(0, angry);
        let ahead = self
            .waiting
            .iter()
            .filter(|w| self.world.model.ahead_all || self.tickets[**w].priority >= priority)
            .count();
        let ahead = u32::try_from(ahead).unwrap_or(u32::MAX);
        let capacity = self.capacity_at(t);
        let overtaking = if self.world.model.overtaking {
            self.overtaking_at(t, priority)
        } else {
            Overtaking::default()
        };
        let eta = first_response_eta_overtaken(
            ts(t),
            ahead,
            overtaking,
            &self.world.hours,
            &capacity,
            self.world.model.quantile,
            world::TARGET,
        );
        self.tickets.push(Ticket {
            id,
            arrived: t,
            period,
            angry,
            repeats: 0,
            priority,
            work,
            in_service: false,
            responded: None,
            fixed_promise: t + 24 * 3600,
            kindly_promise: eta.at.as_second(),
            beyond_target: eta.beyond_target,
            ahead,
            rate: capacity.per_agent_hour,
            update: None,
            nudges: [n1, n2],
        });
        if let Some(d) = self.days.get_mut(&self.world.date_of(t)) {
            d.arrivals += 1;
        }
        self.waiting.push(id);
        self.push(n1, Event::Nudge(id));
        if let Some(a) = (0..self.agents.len()).find(|a| {
            let s = self.agents[*a];
            s.on_shift && !s.busy
        }) {
            self.take_next(a, t);
        }
        capacity.per_agent_hour
    }

    /// The customer writes again while waiting: the ticket moves up.
    fn nudge(&mut self, t: i64, id: usize) {
        let ticket = &mut self.tickets[id];
        if ticket.responded.is_some() {
            return;
        }
        ticket.repeats += 1;
        ticket.priority = Priority::for_ticket(ticket.repeats, ticket.angry);
        self.nudges += 1;
        if ticket.repeats == 1 {
            let next = ticket.nudges[1];
            debug_assert!(next > t);
            self.push(next, Event::Nudge(id));
        }
    }

    /// Urgent first, then high, then normal; oldest first within a priority.
    fn take_next(&mut self, agent: usize, t: i64) {
        let next = self
            .waiting
            .iter()
            .filter(|w| !self.tickets[**w].in_service)
            .max_by_key(|w| {
                let tk = &self.tickets[**w];
                (tk.priority, Reverse(tk.arrived), Reverse(tk.id))
            })
            .copied();
        let Some(id) = next else { return };
        let work = self.tickets[id].work;
        self.tickets[id].in_service = true;
        self.agents[agent].busy = true;
        if let Some(d) = self.days.get_mut(&self.world.date_of(t)) {
            d.busy_hours += work as f64 / 3600.0;
        }
        self.push(t + work, Event::Done(agent, id));
    }

    /// Kindly's promise watcher: a waiting ticket whose promise is less than
    /// two hours away is re-estimated; when the fresh estimate is later than
    /// the promise, the customer gets one honest update with the new time.
    fn watch(&mut self, t: i64) {
        let margin = world::AT_RISK.as_secs();
        let at_risk: Vec<usize> = self
            .waiting
            .iter()
            .copied()
            .filter(|w| {
                let tk = &self.tickets[*w];
                tk.update.is_none() && tk.kindly_promise - margin <= t && t < tk.kindly_promise
            })
            .collect();
        if at_risk.is_empty() {
            return;
        }
        let capacity = self.capacity_at(t);
        for id in at_risk {
            let key = |w: usize| {
                let tk = &self.tickets[w];
                (tk.priority, Reverse(tk.arrived), Reverse(tk.id))
            };
            let mine = key(id);
            // The watcher knows the ticket's place in the agents' order.
            let ahead = self.waiting.iter().filter(|w| key(**w) > mine).count();
            let eta = first_response_eta(
                ts(t),
                u32::try_from(ahead).unwrap_or(u32::MAX),
                &self.world.hours,
                &capacity,
                self.world.model.quantile,
                world::TARGET,
            );
            if eta.at.as_second() > self.tickets[id].kindly_promise {
                self.tickets[id].update = Some((t, eta.at.as_second()));
            }
        }
    }
}

/// Hours between two Unix-second instants.
pub fn hours(from: i64, to: i64) -> f64 {
    SignedDuration::from_secs(to - from).as_secs_f64() / 3600.0
}
