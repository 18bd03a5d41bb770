import { PrismaPg } from '@prisma/adapter-pg';

type TPgAdapter = Awaited<ReturnType<PrismaPg['connect']>>;
type TPgTransaction = Awaited<ReturnType<TPgAdapter['startTransaction']>>;

/**
 * PrismaPg whose interactive transactions send one query at a time.
 *
 * Prisma's query plans load relations with Promise.all. Outside a transaction each query takes
 * its own pooled connection, but a transaction is one connection, so a read with two relations
 * puts several queries in flight on it: pg 8 warns that this is deprecated, pg 9 refuses it
 * (prisma/orm#29468, still open for adapter-pg 7.10). Queueing per transaction costs nothing:
 * pg ran them one after another on that connection anyway.
 */
export class SerialTransactionPg extends PrismaPg {
  override async connect(): Promise<TPgAdapter> {
    const adapter = await super.connect();
    const startTransaction = adapter.startTransaction.bind(adapter);
    adapter.startTransaction = async (isolationLevel) => oneQueryAtATime(await startTransaction(isolationLevel));
    return adapter;
  }
}

function oneQueryAtATime(transaction: TPgTransaction): TPgTransaction {
  let previous: Promise<unknown> = Promise.resolve();
  const inTurn = <T>(work: () => Promise<T>): Promise<T> => {
    const turn = previous.then(work, work);
    previous = turn.catch(() => undefined);
    return turn;
  };
  const queryRaw = transaction.queryRaw.bind(transaction);
  const executeRaw = transaction.executeRaw.bind(transaction);
  // Own properties shadow the class methods, so the savepoint helpers (this.executeRaw) queue too.
  transaction.queryRaw = (query) => inTurn(() => queryRaw(query));
  transaction.executeRaw = (query) => inTurn(() => executeRaw(query));
  return transaction;
}
