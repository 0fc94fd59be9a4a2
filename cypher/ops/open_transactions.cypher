// Transactions open on the server other than this one (crash tests wait for an ingest's write).
SHOW TRANSACTIONS
YIELD transactionId, currentQuery, status, elapsedTime
WHERE NOT currentQuery CONTAINS 'SHOW TRANSACTIONS'
RETURN transactionId AS id, currentQuery AS query, status, elapsedTime.milliseconds AS elapsed_ms
