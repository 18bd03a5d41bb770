export { TOOL_REGISTRY, getTool, ZOrderInput, ZOrderNumber, type TToolDefinition, type TToolResult, type TToolSubject } from './registry';
export { detectToolIntent, allowedPermission, type TToolIntent } from './detect-tool-intent';
export { planToolTurn, finishToolTurn, SIGN_IN_REPLY, type TToolTurn, type TToolTrace } from './run-tool-turn';
export { decideToolAction, ZDecideToolActionInput, type TDecideToolActionInput, type TToolDecision } from './decide-tool-action';
export { listToolActions, ZListToolActionsInput, type TToolActionView } from './list-tool-actions';
export { seedDemoOrders, DEMO_ORDERS } from './seed-demo-orders';
