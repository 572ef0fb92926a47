public import Subprocess

extension TerminationStatus {
    /// How the child ended as one number, as tests and logs read it: the exit code, or the
    /// signal that ended it.
    public var code: Int32 {
        switch self {
        case .exited(let code): code
        case .signaled(let signal): signal
        }
    }
}
