// The hostile-notebook suite, shard 2 of 2 (see suite.ts).
import { hostileSuite } from "./suite";

hostileSuite(1, 2);
