"""The platform every app uses: history and peildatum, the register cache, exports, periods,
formatting, charts, middleware, admin safety. It imports no app of the register."""
