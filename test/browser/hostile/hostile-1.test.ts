// The hostile-notebook suite, shard 1 of 2 (see suite.ts).
import { hostileSuite } from "./suite";

hostileSuite(0, 2);
