/**
 * The local endpoint: DynamoDB Local as the engine behind a loopback HTTP front ({@link
 * io.ddbgitops.local.LocalEndpoint}).
 *
 * <p>Decisions a user of the endpoint can observe:
 * <ul>
 *   <li>State is per region. Access keys are replaced before requests reach DynamoDB Local, so every set of
 *       credentials sees the same tables; the region comes from the SigV4 credential scope (us-east-1 without
 *       one).</li>
 *   <li>ARNs in table descriptions name the real region ({@code arn:aws:dynamodb:<region>:000000000000:table/X});
 *       DynamoDB Local's {@code arn:aws:dynamodb:ddblocal:...} form is accepted wherever an ARN is taken.</li>
 *   <li>CreateBackup scans the table before it answers, so its answer already says AVAILABLE (AWS says CREATING
 *       and finishes later); a concurrent DescribeBackup or ListBackups sees CREATING meanwhile.
 *       RestoreTableFromBackup likewise writes every item before it answers.</li>
 *   <li>Tags and PITR belong to the table: DeleteTable forgets them. Backups outlive their table.</li>
 *   <li>With a data directory, DynamoDB Local keeps its databases in {@code <dataDir>/dynamodb} and the front
 *       keeps tags, PITR settings and backups (with their items) as JSON under {@code <dataDir>/front}.</li>
 * </ul>
 */
package io.ddbgitops.local;
