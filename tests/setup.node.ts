// Handlers and the local database run in-process in node tests; dates in assertions are read in Shanghai time.
process.env.TZ = 'Asia/Shanghai'
