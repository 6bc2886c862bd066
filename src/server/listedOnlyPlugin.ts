/**
 * CLAIMGRAPH_PERSISTED_ONLY: a request whose document is not on the operation list
 * (operationList.ts) is refused with OPERATION_NOT_LISTED (400) as soon as it is parsed and
 * validated, before the cost model, the rate budget or any resolver sees it.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import type { Context } from '../context.js';
import { ClientError } from '../errors.js';
import type { OperationList } from './operationList.js';

/** The refusal of a document that is not on the list, at /graphql and at the stream alike. */
export function notListed(): ClientError {
  return new ClientError('OPERATION_NOT_LISTED', 'This server runs only the operations of its own frontend (CLAIMGRAPH_PERSISTED_ONLY)');
}

export function listedOnlyPlugin(list: OperationList): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document }) {
          if (!list.has(document)) throw notListed();
        },
      };
    },
  };
}
