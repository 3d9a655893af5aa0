//! A small seeded PRNG (splitmix64), written here so a seed's output never
//! changes with a dependency's version.

#[derive(Debug, Clone)]
pub struct Rng {
    state: u64,
}

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng { state: seed }
    }

    /// An independent stream for one part of the world (arrivals, tickets,
    /// sick days): using one part more never shifts another.
    pub fn stream(seed: u64, salt: u64) -> Self {
        let mut r = Rng::new(seed ^ salt.wrapping_mul(0xD1B5_4A32_D192_ED03));
        r.next_u64();
        r
    }

    pub fn next_u64(&mut self) -> u64 {
        self.state = self.state.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.state;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in [0, 1).
    pub fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 * (1.0 / (1u64 << 53) as f64)
    }

    pub fn chance(&mut self, p: f64) -> bool {
        self.unit() < p
    }

    /// Exponential with the given mean.
    pub fn exp(&mut self, mean: f64) -> f64 {
        -mean * (1.0 - self.unit()).ln()
    }

    /// Poisson with mean `lambda` (Knuth's product method, in chunks of 20 so
    /// `e^-λ` never underflows).
    pub fn poisson(&mut self, lambda: f64) -> u32 {
        let mut left = lambda.max(0.0);
        let mut n = 0;
        while left > 0.0 {
            let l = left.min(20.0);
            left -= l;
            let limit = (-l).exp();
            let mut p = self.unit();
            while p > limit {
                n += 1;
                p *= self.unit();
            }
        }
        n
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn moments_are_right() {
        let mut r = Rng::new(7);
        let n = 200_000;
        let mean_exp: f64 = (0..n).map(|_| r.exp(15.0)).sum::<f64>() / f64::from(n);
        assert!((mean_exp - 15.0).abs() < 0.2, "{mean_exp}");
        let mean_poi: f64 = (0..n).map(|_| f64::from(r.poisson(3.5))).sum::<f64>() / f64::from(n);
        assert!((mean_poi - 3.5).abs() < 0.03, "{mean_poi}");
        let big: f64 = (0..20_000).map(|_| f64::from(r.poisson(45.0))).sum::<f64>() / 20_000.0;
        assert!((big - 45.0).abs() < 0.3, "{big}");
    }
}
