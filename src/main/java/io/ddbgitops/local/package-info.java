/**
 * The local endpoint: DynamoDB Local as the engine behind a loopback HTTP front ({@link
 * io.ddbgitops.local.LocalEndpoint}).
 *
 * <p>Decisions a user of the endpoint can observe:
 * <ul>
 *   <li>State is per account and region. An access key id of exactly 12 digits is that account, any other key
 *       account 000000000000; each account has one key of its own towards DynamoDB Local (which keeps a database
 *       per key and region) and its own front state ({@link io.ddbgitops.local.AccountFronts}), so every set of
 *       credentials of one account sees the same tables; the region comes from the SigV4 credential scope
 *       (us-east-1 without one). STS's AssumeRole hands out keys of the role's account.</li>
 *   <li>ARNs name the real region and the caller's account ({@code arn:aws:dynamodb:<region>:<account>:table/X});
 *       DynamoDB Local's {@code arn:aws:dynamodb:ddblocal:...} form is accepted wherever an ARN is taken.</li>
 *   <li>CreateBackup scans the table before it answers, so its answer already says AVAILABLE (AWS says CREATING
 *       and finishes later); a concurrent DescribeBackup or ListBackups sees CREATING meanwhile.
 *       RestoreTableFromBackup likewise writes every item before it answers.</li>
 *   <li>Tags and PITR belong to the table: DeleteTable forgets them. Backups outlive their table; with PITR on,
 *   DeleteTable leaves a system backup of the table for 35 days.</li>
 *   <li>UpdateTable's SSESpecification, TableClass, ReplicaUpdates and OnDemandThroughput are applied by the front
 *       (DynamoDB Local ignores them, answers "Nothing to update" or drops a half-set cap pair); a request with
 *       only those never reaches DynamoDB Local, a mixed one is forwarded without them first. A KMS key given by
 *       alias or id is shown as a made-up, stable key ARN.</li>
 *   <li>A replica (global tables 2019.11.21) is a real table in the other region's database, created with the
 *       items the source had at that moment; later writes are not replicated. Adding one turns on a
 *       NEW_AND_OLD_IMAGES stream as AWS does; replica updates cannot be combined with other changes.</li>
 *   <li>Contributor insights switch to ENABLED/DISABLED at once (AWS passes through ENABLING/DISABLING).
 *       A second UpdateTimeToLive within an hour is refused, as on AWS.</li>
 *   <li>Point-in-time recovery: enabling it snapshots the table; every write that passes through the front to a
 *       table with PITR on is read back and logged with the time it was recorded, so RestoreTableToPointInTime
 *       restores to the millisecond. Writes that bypass the front (straight to DynamoDB Local) are not seen.
 *       The history is discarded when PITR is turned off or the table is deleted.</li>
 *   <li>Application Auto Scaling (JSON 1.1, {@code X-Amz-Target: AnyScaleFrontendService.*}) is answered on the
 *       same port for DynamoDB tables and indexes. Registering a range moves the live capacity into it; policies
 *       are stored, never run: only {@link io.ddbgitops.local.Scaler} (or {@code /local-admin/scaler/capacity})
 *       moves capacity afterwards. Targets and policies outlive their table, as AWS documents.</li>
 *   <li>Long work (index backfill, restores, replica creation, table class and SSE updates) is done at once by
 *       DynamoDB Local; with {@link io.ddbgitops.local.Delays} set, {@code SlowWork} shows it in progress for that
 *       long and refuses meanwhile what AWS refuses. The front waits for DynamoDB Local's own index job before
 *       answering an index creation.</li>
 *   <li>With a data directory, DynamoDB Local keeps its databases in {@code <dataDir>/dynamodb} and the front
 *       keeps tags, PITR settings, table features, backups (with their items) and auto scaling
 *       ({@code autoscaling.json}) as JSON under {@code <dataDir>/front}, and each PITR table's snapshot and
 *       append-only change log under {@code <dataDir>/front/pitr}. Those files are replaced atomically and forced
 *       to disk; CreateTable is journaled under {@code <dataDir>/front/journal} so a kill cannot leave a table
 *       without its tags, and the front's state is brought in line with DynamoDB Local's tables at start. Accounts
 *       other than 000000000000 keep the same under {@code <dataDir>/accounts/<account>/front}.</li>
 *   <li>Faults ({@link io.ddbgitops.local.FaultPlan}) are injected in a filter before the front, answered with
 *       DynamoDB's own error shapes; {@code /local-admin/faults} on the same port reads and replaces the plan.</li>
 * </ul>
 */
package io.ddbgitops.local;
